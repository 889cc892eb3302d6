package dev.earshot.aggregate.query;

import dev.earshot.avro.SentimentCounts;

/**
 * Counts as the API returns them. {@code score_sum} is there so that answers from several instances
 * can be merged exactly (means cannot be).
 */
public record Counts(
    long posts, long positive, long neutral, long negative, double meanScore, double scoreSum) {
  public static Counts of(SentimentCounts c) {
    return new Counts(
        c.getPosts(),
        c.getPositive(),
        c.getNeutral(),
        c.getNegative(),
        c.getPosts() == 0 ? 0.0 : c.getScoreSum() / c.getPosts(),
        c.getScoreSum());
  }

  SentimentCounts toSentimentCounts() {
    return new SentimentCounts(posts, positive, neutral, negative, scoreSum);
  }
}
