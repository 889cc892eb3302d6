package dev.earshot.labels;

import java.util.Locale;

/** Which scorer decides sentiment ({@code enrich.sentiment}). */
public enum SentimentMode {
  /**
   * The default: a logistic regression trained on labelled posts, over the words of the post and
   * the social scorer's verdict (see {@link dev.earshot.labels.sentiment.SentimentModel}).
   */
  MODEL,
  /** The social-text scorer alone: lexicon, rules and the taxonomy's phrases. */
  LEXICON,
  /** The social scorer, and CoreNLP's RNTN model where the lexicon finds no cue. */
  RNTN_WHEN_NO_CUE,
  /** CoreNLP's RNTN model alone: the baseline, about 300 times slower. */
  RNTN;

  public static SentimentMode parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "model" -> MODEL;
      case "lexicon" -> LEXICON;
      case "rntn-when-no-cue" -> RNTN_WHEN_NO_CUE;
      case "rntn" -> RNTN;
      default ->
          throw new IllegalArgumentException(
              LabellerSettings.SENTIMENT
                  + " must be model, lexicon, rntn-when-no-cue or rntn, was '"
                  + value
                  + "'");
    };
  }
}
