package dev.earshot.service;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.PostParser;
import java.time.Duration;
import java.time.Instant;

/**
 * What every post record on posts.raw and posts.enriched must satisfy, checked where each Streams
 * app reads it. Ingest only writes such records; anything else on the topic (another producer, a
 * hand-made record) goes to the dead-letter topic with the reason rather than being counted twice
 * under another key, failing a later step, being dropped by Kafka Streams for a negative time, or
 * stopping the app with a time the broker refuses.
 */
public final class PostContract {
  /**
   * How far ahead of this host's clock a post may be dated: ingest's own bound (15 minutes) plus
   * room for clock skew between hosts, and still well inside the broker's default bound on future
   * record times (one hour).
   */
  static final Duration MAX_FUTURE = PostParser.MAX_FUTURE.plusMinutes(30);

  /**
   * @throws InvalidRecordException if the record breaks the contract
   */
  public static void check(String key, RawPost post) {
    if (post == null) {
      throw new InvalidRecordException("the record has no value");
    }
    String expected = PostKeys.of(post.getPlatform(), post.getId());
    if (key == null) {
      throw new InvalidRecordException("the record has no key; it must be '" + expected + "'");
    }
    if (!key.equals(expected)) {
      throw new InvalidRecordException(
          "the record's key '" + key + "' is not the post's platform:id '" + expected + "'");
    }
    if (post.getCreatedAt() == null || post.getCreatedAt().toEpochMilli() < 0) {
      throw new InvalidRecordException(
          "created_at " + post.getCreatedAt() + " is before 1970-01-01T00:00:00Z");
    }
    // A post far in the future would be written to the apps' changelogs with that time, which the
    // broker refuses (log.message.timestamp.after.max.ms): the stream thread would die on it, and
    // again after every restart.
    Instant latest = Instant.now().plus(MAX_FUTURE);
    if (post.getCreatedAt().isAfter(latest)) {
      throw new InvalidRecordException(
          "created_at "
              + post.getCreatedAt()
              + " is more than "
              + MAX_FUTURE.toMinutes()
              + " minutes in the future");
    }
  }

  private PostContract() {}
}
