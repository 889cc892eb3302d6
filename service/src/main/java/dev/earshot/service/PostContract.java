package dev.earshot.service;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.PostKeys;

/**
 * What every post record on posts.raw and posts.enriched must satisfy, checked where each Streams
 * app reads it. Ingest only writes such records; anything else on the topic (another producer, a
 * hand-made record) goes to the dead-letter topic with the reason rather than being counted twice
 * under another key, failing a later step, or being dropped by Kafka Streams for a negative time.
 */
public final class PostContract {
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
  }

  private PostContract() {}
}
