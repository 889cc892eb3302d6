package dev.earshot.labels.sentiment;

import dev.earshot.schemas.Sentiments;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A VADER-style scorer over CoreNLP tokens: lexicon valences, adjusted for negation ("not happy"),
 * intensifiers ("sooo good", "really bad"), emphasis (ALL CAPS, "!!"), elongated words, and
 * contrast ("great rewards but awful APR" weighs the clause after "but" more). Domain phrases from
 * the taxonomy ("raised my apr", "waived the late fee") are matched first and override the words
 * they cover.
 *
 * <p>Rules for social text on top of VADER's: negation words are operators, not opinions ("no
 * complaints" is praise, not "no" plus "complaints"); "can't recommend it enough" is the opposite
 * of a negation; words in a question are asked about, not asserted ("which card has the best
 * rewards?"), so they count for less; and a sarcasm marker ("thanks, really helpful 🙃") turns the
 * post's praise words into complaints.
 */
public final class SocialSentimentScorer {
  /**
   * Compound scores within this distance of zero are neutral. VADER's convention is 0.05, tuned on
   * product reviews and tweets that all carry an opinion; most posts about cards ask or report, and
   * one faint word ("want", "accept", "pretending") does not make them an opinion: 0.2 is the
   * compound of a valence sum of about 0.8.
   */
  static final double NEUTRAL_BAND = 0.2;

  /** {@link Score#decidedBy()} when no word or phrase of the post carried sentiment. */
  public static final String NO_CUE = "lexicon-no-cue";

  private static final double CAPS_BOOST = 0.733;
  private static final double NEGATION_FACTOR = -0.74;
  private static final double ALPHA = 15.0;

  /** Weight of the words of a question: asked about, not asserted. */
  static final double QUESTION_WEIGHT = 0.2;

  /** Weight of a praise word in a post marked as sarcastic: it means the opposite. */
  static final double SARCASM_FLIP = -0.75;

  /**
   * Tokens that mark a post as sarcastic: the upside-down face, the clown, the eye roll, and the
   * written "/s".
   */
  private static final Set<String> SARCASM_MARKERS = Set.of("🙃", "🤡", "🙄", "/s");

  /** Valence of a star rating "★★☆☆☆", by the number of filled stars out of five. */
  private static final double[] STAR_VALENCE = {-3.0, -3.0, -2.0, 0.0, 2.0, 3.0};

  private static final double BOOST = LanguageRules.BOOST;

  private final SentimentLexicon lexicon;
  private final PhraseValences phrases;
  private final LanguageRules rules;

  /** The English scorer. */
  public SocialSentimentScorer(SentimentLexicon lexicon, PhraseValences phrases) {
    this(lexicon, phrases, LanguageRules.ENGLISH);
  }

  /** A scorer for the language of these words and rules. */
  public SocialSentimentScorer(
      SentimentLexicon lexicon, PhraseValences phrases, LanguageRules rules) {
    this.lexicon = lexicon;
    this.phrases = phrases;
    this.rules = rules;
  }

  /** Scores a post given as sentences of tokens in their original case. */
  public Score score(List<List<String>> sentences) {
    double sum = 0;
    int exclamations = 0;
    boolean anyValence = false;
    boolean sarcastic = sarcastic(sentences);
    double stars = starRating(sentences);
    if (stars != 0) {
      sum += stars;
      anyValence = true;
    }
    for (List<String> sentence : sentences) {
      String[] lower = new String[sentence.size()];
      boolean allCaps = true;
      boolean question = false;
      for (int i = 0; i < lower.length; i++) {
        String token = sentence.get(i);
        lower[i] = normalize(token);
        if (token.chars().anyMatch(Character::isLowerCase)) {
          allCaps = false;
        }
        if (token.startsWith("!")) {
          exclamations += token.length();
        }
        if (isQuestionMark(token)) {
          question = true;
        }
      }
      double[] valence = new double[lower.length];
      boolean[] covered = new boolean[lower.length];
      phrases.apply(lower, valence, covered);
      int contrastAt = -1;
      for (int i = 0; i < lower.length; i++) {
        if (rules.contrasts().contains(lower[i])) {
          contrastAt = i;
        }
        if (covered[i] || rules.negations().contains(lower[i])) {
          // a negation word is an operator on the words after it, not an opinion of its own
          continue;
        }
        double v = wordValence(lower[i]);
        if (v == 0) {
          continue;
        }
        if (sarcastic && v > 0) {
          v *= SARCASM_FLIP;
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
        if (!covered[i] && rules.boosters().containsKey(lower[i]) && valence[i + 1] != 0) {
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
          Double boost = rules.boosters().get(lower[i - back]);
          if (boost != null) {
            double scaled = boost * (back == 1 ? 1.0 : back == 2 ? 0.95 : 0.9);
            v += Math.signum(v) * scaled;
          }
        }
        if (cantEnough(lower, i)) {
          v += Math.signum(v) * BOOST;
        } else if (negated(lower, i)) {
          v *= NEGATION_FACTOR;
        }
        if (contrastAt >= 0) {
          v *= i < contrastAt ? 0.5 : 1.5;
        }
        sentenceSum += v;
      }
      sum += question ? sentenceSum * QUESTION_WEIGHT : sentenceSum;
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
        v = lexicon.valence(undouble(squeezed));
      }
      return v == 0 ? 0 : v + Math.signum(v) * BOOST; // "sooo good" is more than "good"
    }
    return 0;
  }

  /** Whether any token of the post marks it as sarcastic. */
  private static boolean sarcastic(List<List<String>> sentences) {
    for (List<String> sentence : sentences) {
      for (String token : sentence) {
        if (SARCASM_MARKERS.contains(token)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The valence of a review's star rating ("★★☆☆☆" or "★★★★★", as the review sites print it): two
   * stars or fewer is a complaint, four or more praise. 0 without a rating.
   */
  static double starRating(List<List<String>> sentences) {
    int filled = 0;
    int empty = 0;
    for (List<String> sentence : sentences) {
      for (String token : sentence) {
        for (int i = 0; i < token.length(); i++) {
          char c = token.charAt(i);
          if (c == '★') {
            filled++;
          } else if (c == '☆') {
            empty++;
          } else {
            break;
          }
        }
      }
    }
    // a rating out of five; anything else (a row of decorative stars) is no rating
    return filled + empty == 5 && filled > 0 ? STAR_VALENCE[filled] : 0;
  }

  /** "?", "??", "?!": the sentence asks. */
  public static boolean isQuestionMark(String token) {
    if (token.isEmpty() || token.indexOf('?') < 0) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c != '?' && c != '!') {
        return false;
      }
    }
    return true;
  }

  /**
   * "can't recommend them enough", "couldn't be happier... enough": a negation before the word and
   * "enough" just after it is an intensifier, not a negation.
   */
  private boolean cantEnough(String[] lower, int i) {
    boolean enough = false;
    for (int ahead = 1; ahead <= 3 && i + ahead < lower.length; ahead++) {
      if ("enough".equals(lower[i + ahead])) {
        enough = true;
        break;
      }
    }
    if (!enough) {
      return false;
    }
    for (int back = 1; back <= 3 && i - back >= 0; back++) {
      if (rules.cantEnough().contains(lower[i - back])) {
        return true;
      }
    }
    return false;
  }

  /**
   * A negation up to three words back, within the clause: "didn't expect it, really appreciate it"
   * does not negate "appreciate", nor "no fee but great rewards" "great".
   */
  private boolean negated(String[] lower, int i) {
    for (int back = 1; back <= 3 && i - back >= 0; back++) {
      String t = lower[i - back];
      if (rules.negates(t)) {
        return true;
      }
      if (rules.contrasts().contains(t) || punctuation(t)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Punctuation inside a sentence, or an English contrast word: where a negation's scope ends in
   * English.
   */
  public static boolean clauseBoundary(String lower) {
    return LanguageRules.ENGLISH.contrasts().contains(lower) || punctuation(lower);
  }

  private static boolean punctuation(String lower) {
    if (lower.isEmpty()) {
      return false;
    }
    char c = lower.charAt(0);
    return lower.length() <= 3
        && (c == ',' || c == ';' || c == ':' || c == '-' || c == '—' || c == '(' || c == ')'
            || c == '.' || c == '…');
  }

  /** Lower case; hashtags lose their '#', so "#fail" scores like "fail". */
  public static String normalize(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    return lower.length() > 1 && lower.charAt(0) == '#' ? lower.substring(1) : lower;
  }

  /** "soooo" -> "soo": runs of three or more letters cut to two. No regex: runs per token. */
  public static String squeeze(String token) {
    StringBuilder out = null;
    int run = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      run = i > 0 && c == token.charAt(i - 1) && Character.isLetter(c) ? run + 1 : 1;
      if (run > 2) {
        if (out == null) {
          out = new StringBuilder(token.length()).append(token, 0, i);
        }
        continue;
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? token : out.toString();
  }

  /** "soo" -> "so": every doubled character once. */
  static String undouble(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (i + 1 < token.length() && token.charAt(i + 1) == c) {
        i++;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A sentiment decision. */
  public record Score(String label, double score, String decidedBy) {}
}
