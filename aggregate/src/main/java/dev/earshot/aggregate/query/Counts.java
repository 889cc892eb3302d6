package dev.earshot.aggregate.query;

import dev.earshot.avro.SentimentCounts;

/** Counts as the API returns them. */
public record Counts(long posts, long positive, long neutral, long negative, double meanScore) {
  public static Counts of(SentimentCounts c) {
    return new Counts(
        c.getPosts(),
        c.getPositive(),
        c.getNeutral(),
        c.getNegative(),
        c.getPosts() == 0 ? 0.0 : c.getScoreSum() / c.getPosts());
  }
}
