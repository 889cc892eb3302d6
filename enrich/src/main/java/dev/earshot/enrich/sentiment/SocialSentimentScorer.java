package dev.earshot.enrich.sentiment;

import dev.earshot.schemas.Sentiments;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A VADER-style scorer over CoreNLP tokens: lexicon valences, adjusted for negation ("not happy"),
 * intensifiers ("sooo good", "really bad"), emphasis (ALL CAPS, "!!"), elongated words, and
 * contrast ("great rewards but awful APR" weighs the clause after "but" more). Domain phrases from
 * the taxonomy ("raised my apr", "waived the late fee") are matched first and override the words
 * they cover.
 */
public final class SocialSentimentScorer {
  /** Compound scores within this distance of zero are neutral (VADER's convention). */
  static final double NEUTRAL_BAND = 0.05;

  /** {@link Score#decidedBy()} when no word or phrase of the post carried sentiment. */
  public static final String NO_CUE = "lexicon-no-cue";

  private static final double BOOST = 0.293;
  private static final double CAPS_BOOST = 0.733;
  private static final double NEGATION_FACTOR = -0.74;
  private static final double ALPHA = 15.0;

  private static final Set<String> NEGATIONS =
      Set.of(
          "not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "nowhere",
          "cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "wont", "aint", "without",
          "hardly", "rarely", "seldom", "despite");
  private static final Map<String, Double> BOOSTERS =
      Map.ofEntries(
          Map.entry("very", BOOST),
          Map.entry("really", BOOST),
          Map.entry("so", BOOST),
          Map.entry("sooo", BOOST),
          Map.entry("extremely", BOOST),
          Map.entry("super", BOOST),
          Map.entry("totally", BOOST),
          Map.entry("absolutely", BOOST),
          Map.entry("completely", BOOST),
          Map.entry("incredibly", BOOST),
          Map.entry("most", BOOST),
          Map.entry("such", BOOST),
          Map.entry("too", BOOST),
          Map.entry("hella", BOOST),
          Map.entry("mad", BOOST),
          Map.entry("kinda", -BOOST),
          Map.entry("somewhat", -BOOST),
          Map.entry("slightly", -BOOST),
          Map.entry("barely", -BOOST),
          Map.entry("little", -BOOST),
          Map.entry("marginally", -BOOST),
          Map.entry("sort", -BOOST));
  private static final Set<String> CONTRASTS = Set.of("but", "however", "although", "though");

  private final SentimentLexicon lexicon;
  private final PhraseValences phrases;

  public SocialSentimentScorer(SentimentLexicon lexicon, PhraseValences phrases) {
    this.lexicon = lexicon;
    this.phrases = phrases;
  }

  /** Scores a post given as sentences of tokens in their original case. */
  public Score score(List<List<String>> sentences) {
    double sum = 0;
    int exclamations = 0;
    boolean anyValence = false;
    for (List<String> sentence : sentences) {
      String[] lower = new String[sentence.size()];
      boolean allCaps = true;
      for (int i = 0; i < lower.length; i++) {
        String token = sentence.get(i);
        lower[i] = normalize(token);
        if (token.chars().anyMatch(Character::isLowerCase)) {
          allCaps = false;
        }
        if (token.startsWith("!")) {
          exclamations += token.length();
        }
      }
      double[] valence = new double[lower.length];
      boolean[] covered = new boolean[lower.length];
      phrases.apply(lower, valence, covered);
      int contrastAt = -1;
      for (int i = 0; i < lower.length; i++) {
        if (CONTRASTS.contains(lower[i])) {
          contrastAt = i;
        }
        if (covered[i]) {
          continue;
        }
        double v = wordValence(lower[i]);
        if (v == 0) {
          continue;
        }
        String original = sentence.get(i);
        if (!allCaps
            && original.length() > 1
            && original.equals(original.toUpperCase(Locale.ROOT))
            && original.chars().anyMatch(Character::isLetter)) {
          v += Math.signum(v) * CAPS_BOOST;
        }
        valence[i] = v;
      }
      for (int i = 0; i + 1 < lower.length; i++) {
        // "super bad", "mad good": a booster that is also a lexicon word only intensifies
        if (!covered[i] && BOOSTERS.containsKey(lower[i]) && valence[i + 1] != 0) {
          valence[i] = 0;
        }
      }
      double sentenceSum = 0;
      for (int i = 0; i < lower.length; i++) {
        double v = valence[i];
        if (v == 0) {
          continue;
        }
        anyValence = true;
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
          Double boost = BOOSTERS.get(lower[i - back]);
          if (boost != null) {
            double scaled = boost * (back == 1 ? 1.0 : back == 2 ? 0.95 : 0.9);
            v += Math.signum(v) * scaled;
          }
        }
        if (negated(lower, i)) {
          v *= NEGATION_FACTOR;
        }
        if (contrastAt >= 0) {
          v *= i < contrastAt ? 0.5 : 1.5;
        }
        sentenceSum += v;
      }
      sum += sentenceSum;
    }
    if (sum != 0) {
      sum += Math.signum(sum) * Math.min(exclamations, 4) * 0.292;
    }
    double compound = sum / Math.sqrt(sum * sum + ALPHA);
    compound = Math.max(-1, Math.min(1, compound));
    String label =
        compound >= NEUTRAL_BAND
            ? Sentiments.POSITIVE
            : compound <= -NEUTRAL_BAND ? Sentiments.NEGATIVE : Sentiments.NEUTRAL;
    return new Score(label, compound, anyValence ? "lexicon" : NO_CUE);
  }

  private double wordValence(String token) {
    if (lexicon.contains(token)) {
      return lexicon.valence(token);
    }
    String squeezed = squeeze(token);
    if (!squeezed.equals(token)) {
      double v = lexicon.valence(squeezed);
      if (v == 0) {
        v = lexicon.valence(squeezed.replaceAll("(.)\\1", "$1"));
      }
      return v == 0 ? 0 : v + Math.signum(v) * BOOST; // "sooo good" is more than "good"
    }
    return 0;
  }

  private static boolean negated(String[] lower, int i) {
    for (int back = 1; back <= 3 && i - back >= 0; back++) {
      String t = lower[i - back];
      if (NEGATIONS.contains(t) || t.endsWith("n't")) {
        return true;
      }
    }
    return false;
  }

  /** Lower case; hashtags lose their '#', so "#fail" scores like "fail". */
  static String normalize(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    return lower.length() > 1 && lower.charAt(0) == '#' ? lower.substring(1) : lower;
  }

  /** "soooo" -> "soo": runs of three or more letters cut to two. */
  static String squeeze(String token) {
    return token.replaceAll("(\\p{L})\\1{2,}", "$1$1");
  }

  /** A sentiment decision. */
  public record Score(String label, double score, String decidedBy) {}
}
