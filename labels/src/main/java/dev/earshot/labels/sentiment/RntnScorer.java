package dev.earshot.labels.sentiment;

import dev.earshot.schemas.Sentiments;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;

/**
 * CoreNLP's recursive neural tensor network (RNTN) sentiment model over shift-reduce parses: the
 * baseline the social scorer is measured against, and an optional second opinion for posts the
 * lexicon finds no cue in. It needs the CoreNLP model jars on the class path ({@code
 * stanford-corenlp:models} and {@code models-english}, about 900 MB together), which earshot does
 * not ship by default; {@link #modelsAvailable()} tells. Not thread-safe: one per thread.
 */
public final class RntnScorer {
  static final String SENTIMENT_MODEL = "edu/stanford/nlp/models/sentiment/sentiment.ser.gz";
  static final String PARSER_MODEL = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
  private static final double[] CLASS_WEIGHTS = {-1.0, -0.5, 0.0, 0.5, 1.0};
  private static final double NEUTRAL_BAND = 0.1;

  private final StanfordCoreNLP pipeline;

  public RntnScorer() {
    requireModels();
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    props.setProperty("tokenize.language", "en");
    props.setProperty("parse.model", PARSER_MODEL);
    props.setProperty("parse.binaryTrees", "true");
    props.setProperty("ssplit.newlineIsSentenceBreak", "always");
    this.pipeline = new StanfordCoreNLP(props);
  }

  /** Throws, naming the missing model jars, unless they are on the class path. */
  public static void requireModels() {
    if (!modelsAvailable()) {
      throw new IllegalStateException(
          "the RNTN sentiment path needs the CoreNLP model jars on the class path ("
              + SENTIMENT_MODEL
              + ", "
              + PARSER_MODEL
              + ")");
    }
  }

  public static boolean modelsAvailable() {
    ClassLoader loader = RntnScorer.class.getClassLoader();
    return loader.getResource(SENTIMENT_MODEL) != null && loader.getResource(PARSER_MODEL) != null;
  }

  /**
   * The expected sentiment over the model's five classes (very negative .. very positive), each
   * sentence weighted by its length, in [-1, 1].
   */
  public SocialSentimentScorer.Score score(String text) {
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    double weighted = 0;
    int tokens = 0;
    for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      if (tree == null) {
        continue;
      }
      SimpleMatrix probabilities = RNNCoreAnnotations.getPredictions(tree);
      double expected = 0;
      for (int c = 0; c < CLASS_WEIGHTS.length; c++) {
        expected += CLASS_WEIGHTS[c] * probabilities.get(c);
      }
      int length = sentence.get(CoreAnnotations.TokensAnnotation.class).size();
      weighted += expected * length;
      tokens += length;
    }
    double score = tokens == 0 ? 0 : weighted / tokens;
    String label =
        score > NEUTRAL_BAND
            ? Sentiments.POSITIVE
            : score < -NEUTRAL_BAND ? Sentiments.NEGATIVE : Sentiments.NEUTRAL;
    return new SocialSentimentScorer.Score(label, Math.max(-1, Math.min(1, score)), "rntn");
  }
}
