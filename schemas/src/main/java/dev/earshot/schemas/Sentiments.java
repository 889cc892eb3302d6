package dev.earshot.schemas;

/** The three sentiment labels carried in {@code Sentiment.label}. */
public final class Sentiments {
  public static final String POSITIVE = "positive";
  public static final String NEUTRAL = "neutral";
  public static final String NEGATIVE = "negative";

  private Sentiments() {}
}
