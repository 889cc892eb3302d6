package dev.earshot.enrich.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * CoreNLP tokenization and sentence splitting, tuned for social text: no PTB escaping (so brackets
 * and quotes stay as typed), hyphenated words kept whole, untokenizable characters such as emoji
 * kept as tokens. One instance per thread: CoreNLP pipelines are not shared.
 */
public final class TextAnalyzer {
  private final StanfordCoreNLP pipeline;

  public TextAnalyzer() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.language", "en");
    props.setProperty(
        "tokenize.options",
        "ptb3Escaping=false,normalizeParentheses=false,normalizeOtherBrackets=false,"
            + "splitHyphenated=false,untokenizable=allKeep,invertible=false");
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    this.pipeline = new StanfordCoreNLP(props, false);
  }

  /** The text as sentences of tokens, in their original case. */
  public List<List<String>> sentences(String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<List<String>> sentences = new ArrayList<>();
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<String> tokens = new ArrayList<>();
      for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
        tokens.add(token.word());
      }
      sentences.add(tokens);
    }
    return sentences;
  }

  /** All tokens of the text, sentences concatenated. */
  public List<String> tokens(String text) {
    List<String> all = new ArrayList<>();
    sentences(text).forEach(all::addAll);
    return all;
  }
}
