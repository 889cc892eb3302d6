package dev.earshot.enrich.sentiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sentiment model looks at in a post: its words and word pairs, with the words after a
 * negation marked ("not worth it" gives {@code u:not_worth}), and the social scorer's verdict
 * (compound score and label). The scorer brings the lexicon, emoji, boosters, sarcasm markers and
 * the taxonomy's domain phrases; the words let the model learn what the lexicon does not know
 * ("declined", "on hold", "bumped my limit").
 *
 * <p>Training and labelling call the same method, so the model always sees features built the same
 * way.
 */
public final class SentimentFeatures {
  private static final Set<String> NEGATIONS =
      Set.of(
          "not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "cannot",
          "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "wont", "aint", "without", "hardly");

  private SentimentFeatures() {}

  /**
   * The features of a post, name to value.
   *
   * @param sentences the post's tokens, by sentence, in their original case
   * @param lexicon the social scorer's verdict on the same post
   */
  public static Map<String, Double> of(
      List<List<String>> sentences, SocialSentimentScorer.Score lexicon) {
    Map<String, Double> features = new LinkedHashMap<>();
    double compound = lexicon.score();
    features.put("lex:compound", compound);
    features.put("lex:compound^3", compound * compound * compound);
    features.put("lex:" + lexicon.label(), 1.0);
    if (SocialSentimentScorer.NO_CUE.equals(lexicon.decidedBy())) {
      features.put("lex:no-cue", 1.0);
    }
    for (List<String> sentence : sentences) {
      String previous = "<s>";
      boolean negated = false;
      boolean question = sentence.stream().anyMatch(SocialSentimentScorer::isQuestionMark);
      for (String token : sentence) {
        String word = word(token);
        if (word.isEmpty()) {
          continue;
        }
        if (SocialSentimentScorer.clauseBoundary(word)) {
          // a negation ends with its clause; "but" itself is kept, it says what weighs more
          negated = false;
          previous = "<s>";
          if (!Character.isLetter(word.charAt(0))) {
            continue;
          }
        }
        String feature = negated ? "not_" + word : word;
        features.put("u:" + feature, 1.0);
        features.put("b:" + previous + " " + word, 1.0);
        if (question) {
          features.put("q:" + word, 1.0);
        }
        if (NEGATIONS.contains(word) || word.endsWith("n't")) {
          negated = true;
        }
        previous = word;
      }
    }
    return features;
  }

  /**
   * A token as the model sees it: lower case, no '#', letters repeated at most twice ("sooo" ->
   * "soo"), digits as 0 ("29.9%" -> "00.0%"). Empty for quotes and other marks that carry nothing.
   */
  static String word(String token) {
    String lower = SocialSentimentScorer.squeeze(SocialSentimentScorer.normalize(token));
    StringBuilder out = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= '1' && c <= '9') {
        if (out == null) {
          out = new StringBuilder(lower.length()).append(lower, 0, i);
        }
        out.append('0');
      } else if (out != null) {
        out.append(c);
      }
    }
    String word = out == null ? lower : out.toString();
    return switch (word) {
      case "\"", "'", "`", "``", "''", "“", "”", "‘", "’", "*" -> "";
      default -> word;
    };
  }
}
