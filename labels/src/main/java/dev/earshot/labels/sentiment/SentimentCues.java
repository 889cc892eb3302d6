package dev.earshot.labels.sentiment;

import dev.earshot.labels.text.Tokens;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a post says as a whole, for the sentiment model, besides its words and the social scorer's
 * verdict: how many lexicon words lean each way, the strongest of each and the last one, and how
 * the post is written (a shouted word, an elongated one, "!", hashtags).
 *
 * <p>Word features only weigh words seen in training; these weigh any lexicon word, so they carry
 * over to posts about other things. Cross-validation on real tweets and training on all but one of
 * the team's sets both found them a little better than the verdict alone (see {@code
 * TrainingTarget} in the tools). One pass over the tokens, a lexicon look-up each.
 */
final class SentimentCues {
  /** VADER's largest valence: the strongest words are scaled to 1. */
  private static final double MAX_VALENCE = 4.0;

  /** A negated word counts against its valence, and for less ("not great" is mildly negative). */
  private static final double NEGATED = -0.5;

  /** Hashtags counted up to this many; more says no more. */
  private static final int MAX_HASHTAGS = 5;

  private SentimentCues() {}

  /** Adds the cues of the sentences (tokens in their original case); a zero cue is left out. */
  static void add(
      List<List<String>> sentences, SentimentLexicon lexicon, Map<String, Double> features) {
    int positive = 0;
    int negative = 0;
    double strongestPositive = 0;
    double strongestNegative = 0;
    double last = 0;
    int hashtags = 0;
    for (List<String> sentence : sentences) {
      boolean negated = false;
      for (String token : sentence) {
        shape(token, features);
        if (token.length() > 1 && token.charAt(0) == '#') {
          hashtags++;
        }
        String word = Tokens.normalize(token);
        if (Tokens.clauseBoundary(word)) {
          negated = false; // a negation ends with its clause
          continue;
        }
        double v = valence(word, lexicon);
        if (v != 0) {
          v = negated ? NEGATED * v : v;
          if (v > 0) {
            positive++;
            strongestPositive = Math.max(strongestPositive, v);
          } else {
            negative++;
            strongestNegative = Math.min(strongestNegative, v);
          }
          last = v;
        }
        if (negation(word)) {
          negated = true;
        }
      }
    }
    put(features, "cue:positive-words", Math.log1p(positive));
    put(features, "cue:negative-words", Math.log1p(negative));
    put(features, "cue:strongest-positive", strongestPositive / MAX_VALENCE);
    put(features, "cue:strongest-negative", strongestNegative / MAX_VALENCE);
    put(features, "cue:last-valence", last / MAX_VALENCE);
    put(features, "cue:hashtags", Math.min(hashtags, MAX_HASHTAGS) / (double) MAX_HASHTAGS);
  }

  /** A word's valence as typed, else squeezed ("baaad" as "baad"). */
  private static double valence(String word, SentimentLexicon lexicon) {
    double v = lexicon.valence(word);
    if (v == 0) {
      String squeezed = Tokens.squeeze(word);
      if (!squeezed.equals(word)) {
        v = lexicon.valence(squeezed);
      }
    }
    return v;
  }

  /** The negations the cues know: the commonest ones, as measured. */
  private static boolean negation(String word) {
    return word.equals("not") || word.equals("no") || word.equals("never") || word.endsWith("n't");
  }

  /** How a token is written: a shouted word, an elongated one, "!". */
  private static void shape(String token, Map<String, Double> features) {
    if (token.length() > 1
        && token.equals(token.toUpperCase(Locale.ROOT))
        && token.chars().anyMatch(Character::isLetter)) {
      features.put("cue:shouted", 1.0);
    }
    if (!Tokens.squeeze(token).equals(token)) {
      features.put("cue:elongated", 1.0);
    }
    if (token.startsWith("!")) {
      features.put("cue:exclamation", 1.0);
    }
  }

  private static void put(Map<String, Double> features, String name, double value) {
    if (value != 0) {
      features.put(name, value);
    }
  }
}
