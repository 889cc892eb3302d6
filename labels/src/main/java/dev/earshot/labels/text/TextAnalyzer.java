package dev.earshot.labels.text;

import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import edu.stanford.nlp.process.WordTokenFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CoreNLP tokenization and sentence splitting, tuned for social text: no PTB escaping (so brackets
 * and quotes stay as typed), hyphenated words kept whole, untokenizable characters such as emoji
 * kept as tokens, and every line break a sentence break.
 *
 * <p>It drives CoreNLP's tokenizer ({@link PTBTokenizer}) and sentence splitter ({@link
 * WordToSentenceProcessor}) directly rather than through a {@code StanfordCoreNLP} pipeline ({@code
 * annotators=tokenize,ssplit}, {@code ssplit.newlineIsSentenceBreak=always}): the tokens and
 * sentences are the same (a test compares both on every labelled post), without the annotation maps
 * the pipeline builds for each token, which cost about a quarter of the time. One instance per
 * thread.
 */
public final class TextAnalyzer {
  /** CoreNLP's tokenizer options for social text (see the class comment). */
  public static final String TOKENIZER_OPTIONS =
      "ptb3Escaping=false,normalizeParentheses=false,normalizeOtherBrackets=false,"
          + "splitHyphenated=false,untokenizable=noneKeep,invertible=false";

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private final WordTokenFactory tokens = new WordTokenFactory();
  private final WordToSentenceProcessor<Word> splitter = new WordToSentenceProcessor<>();

  /** The text as sentences of tokens, in their original case. */
  public List<List<String>> sentences(String text) {
    List<List<String>> sentences = new ArrayList<>();
    for (String line : LINE_BREAK.split(text)) {
      if (line.isBlank()) {
        continue;
      }
      // The lexer needs a character after an emoticon to see it: ":)" as the very last characters
      // would come out as ":" and ")". The pipeline gives it one; so does this.
      List<Word> words =
          new PTBTokenizer<>(new StringReader(line + "\n"), tokens, TOKENIZER_OPTIONS).tokenize();
      if (words.isEmpty()) {
        continue;
      }
      for (List<Word> sentence : splitter.process(words)) {
        List<String> out = new ArrayList<>(sentence.size());
        for (Word word : sentence) {
          out.add(word.word());
        }
        sentences.add(out);
      }
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
