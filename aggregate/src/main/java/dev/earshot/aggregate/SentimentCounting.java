package dev.earshot.aggregate;

import dev.earshot.avro.Sentiment;
import dev.earshot.avro.SentimentCounts;
import dev.earshot.schemas.Sentiments;

/** Adding a post's sentiment to running counts, and merging counts across windows. */
public final class SentimentCounting {
  public static SentimentCounts empty() {
    return new SentimentCounts(0L, 0L, 0L, 0L, 0.0);
  }

  /** Returns a new record: store values must not be mutated in place. */
  public static SentimentCounts add(SentimentCounts counts, Sentiment sentiment) {
    String label = sentiment.getLabel();
    return new SentimentCounts(
        counts.getPosts() + 1,
        counts.getPositive() + (Sentiments.POSITIVE.equals(label) ? 1 : 0),
        counts.getNeutral() + (Sentiments.NEUTRAL.equals(label) ? 1 : 0),
        counts.getNegative() + (Sentiments.NEGATIVE.equals(label) ? 1 : 0),
        counts.getScoreSum() + sentiment.getScore());
  }

  public static SentimentCounts merge(SentimentCounts a, SentimentCounts b) {
    return new SentimentCounts(
        a.getPosts() + b.getPosts(),
        a.getPositive() + b.getPositive(),
        a.getNeutral() + b.getNeutral(),
        a.getNegative() + b.getNegative(),
        a.getScoreSum() + b.getScoreSum());
  }

  private SentimentCounting() {}
}
