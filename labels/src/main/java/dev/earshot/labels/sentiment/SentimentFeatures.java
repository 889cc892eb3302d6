package dev.earshot.labels.sentiment;

import dev.earshot.labels.text.TextFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sentiment model looks at in a post: its words and word pairs ({@link TextFeatures}), the
 * social scorer's verdict (compound score and label), and the post's cues as a whole ({@link
 * SentimentCues}: lexicon words each way, how it is written). The scorer brings the lexicon, emoji,
 * boosters, sarcasm markers and the taxonomy's domain phrases; the words let the model learn what
 * the lexicon does not know ("declined", "on hold", "bumped my limit").
 *
 * <p>Training and labelling call the same method, so the model always sees features built the same
 * way.
 */
public final class SentimentFeatures {

  private SentimentFeatures() {}

  /**
   * The features of a post, name to value.
   *
   * @param sentences the post's tokens, by sentence, in their original case
   * @param scorer the social scorer (with the taxonomy's phrases) whose verdict is a feature
   */
  public static Map<String, Double> of(List<List<String>> sentences, SocialSentimentScorer scorer) {
    Map<String, Double> features = new HashMap<>();
    TextFeatures.addWords(sentences, features);
    addPost(sentences, scorer, features);
    return features;
  }

  /**
   * Adds all but the words, to features that already hold them: the scorer's verdict and the post's
   * cues.
   */
  public static void addPost(
      List<List<String>> sentences, SocialSentimentScorer scorer, Map<String, Double> features) {
    addLexicon(scorer.score(sentences), features);
    SentimentCues.add(sentences, scorer.lexicon(), features);
  }

  /** Adds the social scorer's verdict to features that already hold the post's words. */
  public static void addLexicon(SocialSentimentScorer.Score lexicon, Map<String, Double> features) {
    double compound = lexicon.score();
    features.put("lex:compound", compound);
    features.put("lex:compound^3", compound * compound * compound);
    features.put("lex:" + lexicon.label(), 1.0);
    if (SocialSentimentScorer.NO_CUE.equals(lexicon.decidedBy())) {
      features.put("lex:no-cue", 1.0);
    }
  }
}
