package dev.earshot.labels.sentiment;

import dev.earshot.labels.text.Tokens;
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

  /** VADER's C_INCR: an ALL-CAPS word in a post that is not all caps is this much stronger. */
  private static final double C_INCR = 0.733;

  /** VADER's N_SCALAR: a negated valence is multiplied by this ("not good"). */
  private static final double N_SCALAR = -0.74;

  /** VADER's normalisation constant alpha: compound = sum / sqrt(sum² + alpha). */
  private static final double ALPHA = 15.0;

  /** VADER's "but" weights: the clause before a contrast word counts half, the one after more. */
  private static final double BEFORE_CONTRAST_WEIGHT = 0.5;

  private static final double AFTER_CONTRAST_WEIGHT = 1.5;

  /** VADER's exclamation amplifier: each '!' (up to four) adds this to the sum's magnitude. */
  private static final double EP_AMPLIFIER = 0.292;

  private static final int MAX_EXCLAMATIONS = 4;

  /**
   * VADER's booster damping by distance: a booster one word before counts fully, two words before
   * 0.95, three words before 0.9 (indexed by distance).
   */
  private static final double[] BOOSTER_DAMPING = {0, 1.0, 0.95, 0.9};

  /** How far back (and ahead, for "enough") VADER looks for a booster or negation. */
  private static final int WINDOW = 3;

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

  private static final double B_INCR = LanguageRules.B_INCR;

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

  /** The word valences this scorer reads. */
  public SentimentLexicon lexicon() {
    return lexicon;
  }

  /** Scores a post given as sentences of tokens in their original case. */
  public Score score(List<List<String>> sentences) {
    boolean sarcastic = sarcastic(sentences);
    double sum = 0;
    int exclamations = 0;
    boolean anyValence = false;
    double stars = starRating(sentences);
    if (stars != 0) {
      sum += stars;
      anyValence = true;
    }
    for (List<String> tokens : sentences) {
      Sentence sentence = Sentence.of(tokens);
      exclamations += sentence.exclamations();
      double[] valence = valences(sentence, sarcastic);
      int contrastAt = lastContrast(sentence.lower());
      double sentenceSum = 0;
      for (int i = 0; i < valence.length; i++) {
        if (valence[i] != 0) {
          anyValence = true;
          sentenceSum += inContext(valence[i], sentence.lower(), i, contrastAt);
        }
      }
      sum += sentence.question() ? sentenceSum * QUESTION_WEIGHT : sentenceSum;
    }
    return verdict(sum, exclamations, anyValence);
  }

  /** VADER's last step: exclamations amplify, alpha normalises, the neutral band decides. */
  private static Score verdict(double sum, int exclamations, boolean anyValence) {
    if (sum != 0) {
      sum += Math.signum(sum) * Math.min(exclamations, MAX_EXCLAMATIONS) * EP_AMPLIFIER;
    }
    double compound = sum / Math.sqrt(sum * sum + ALPHA);
    compound = Math.max(-1, Math.min(1, compound));
    String label =
        compound >= NEUTRAL_BAND
            ? Sentiments.POSITIVE
            : compound <= -NEUTRAL_BAND ? Sentiments.NEGATIVE : Sentiments.NEUTRAL;
    return new Score(label, compound, anyValence ? "lexicon" : NO_CUE);
  }

  /** One sentence's tokens lower-cased, and what the whole sentence says about them. */
  private record Sentence(
      List<String> original, String[] lower, boolean allCaps, boolean question, int exclamations) {
    static Sentence of(List<String> tokens) {
      String[] lower = new String[tokens.size()];
      boolean allCaps = true;
      boolean question = false;
      int exclamations = 0;
      for (int i = 0; i < lower.length; i++) {
        String token = tokens.get(i);
        lower[i] = Tokens.normalize(token);
        if (token.chars().anyMatch(Character::isLowerCase)) {
          allCaps = false;
        }
        if (token.startsWith("!")) {
          exclamations += token.length();
        }
        if (Tokens.isQuestionMark(token)) {
          question = true;
        }
      }
      return new Sentence(tokens, lower, allCaps, question, exclamations);
    }
  }

  /**
   * The valence of each token before context: the taxonomy's phrases first, then the lexicon's
   * words (flipped by sarcasm, boosted by caps); a booster that is also a word only intensifies.
   */
  private double[] valences(Sentence sentence, boolean sarcastic) {
    String[] lower = sentence.lower();
    double[] valence = new double[lower.length];
    boolean[] covered = new boolean[lower.length];
    phrases.apply(lower, valence, covered);
    for (int i = 0; i < lower.length; i++) {
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
      if (shouted(sentence.original().get(i), sentence.allCaps())) {
        v += Math.signum(v) * C_INCR;
      }
      valence[i] = v;
    }
    for (int i = 0; i + 1 < lower.length; i++) {
      // "super bad", "mad good": a booster that is also a lexicon word only intensifies
      if (!covered[i] && rules.boosters().containsKey(lower[i]) && valence[i + 1] != 0) {
        valence[i] = 0;
      }
    }
    return valence;
  }

  /** An ALL-CAPS word among lower-case ones: emphasis (a post all in caps emphasises nothing). */
  private static boolean shouted(String original, boolean allCaps) {
    return !allCaps
        && original.length() > 1
        && original.equals(original.toUpperCase(Locale.ROOT))
        && original.chars().anyMatch(Character::isLetter);
  }

  /**
   * A token's valence in its sentence: boosted by the boosters before it, negated (or, "can't
   * recommend it enough", boosted), and weighed by its side of the last contrast word.
   */
  private double inContext(double v, String[] lower, int i, int contrastAt) {
    for (int back = 1; back <= WINDOW && i - back >= 0; back++) {
      Double boost = rules.boosters().get(lower[i - back]);
      if (boost != null) {
        double scaled = boost * BOOSTER_DAMPING[back];
        v += Math.signum(v) * scaled;
      }
    }
    if (cantEnough(lower, i)) {
      v += Math.signum(v) * B_INCR;
    } else if (negated(lower, i)) {
      v *= N_SCALAR;
    }
    if (contrastAt >= 0) {
      v *= i < contrastAt ? BEFORE_CONTRAST_WEIGHT : AFTER_CONTRAST_WEIGHT;
    }
    return v;
  }

  /** Where the sentence's last contrast word ("but") is, or -1. */
  private int lastContrast(String[] lower) {
    int contrastAt = -1;
    for (int i = 0; i < lower.length; i++) {
      if (rules.contrasts().contains(lower[i])) {
        contrastAt = i;
      }
    }
    return contrastAt;
  }

  private double wordValence(String token) {
    if (lexicon.contains(token)) {
      return lexicon.valence(token);
    }
    String squeezed = Tokens.squeeze(token);
    if (!squeezed.equals(token)) {
      double v = lexicon.valence(squeezed);
      if (v == 0) {
        v = lexicon.valence(Tokens.undouble(squeezed));
      }
      return v == 0 ? 0 : v + Math.signum(v) * B_INCR; // "sooo good" is more than "good"
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

  /**
   * "can't recommend them enough", "couldn't be happier... enough": a negation before the word and
   * "enough" just after it is an intensifier, not a negation.
   */
  private boolean cantEnough(String[] lower, int i) {
    boolean enough = false;
    for (int ahead = 1; ahead <= WINDOW && i + ahead < lower.length; ahead++) {
      if ("enough".equals(lower[i + ahead])) {
        enough = true;
        break;
      }
    }
    if (!enough) {
      return false;
    }
    for (int back = 1; back <= WINDOW && i - back >= 0; back++) {
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
    for (int back = 1; back <= WINDOW && i - back >= 0; back++) {
      String t = lower[i - back];
      if (rules.negates(t)) {
        return true;
      }
      if (rules.contrasts().contains(t) || Tokens.punctuation(t)) {
        return false;
      }
    }
    return false;
  }

  /** A sentiment decision. */
  public record Score(String label, double score, String decidedBy) {}
}
