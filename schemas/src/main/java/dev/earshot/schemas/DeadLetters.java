package dev.earshot.schemas;

/**
 * Header names on dead-letter records written by earshot's own code (ingest). Kafka Streams'
 * built-in dead-letter queue (enrich, aggregate) uses its own {@code __streams.errors.*} headers,
 * which carry the same facts: exception, message, source topic, partition, offset.
 */
public final class DeadLetters {
  /** Why the record was rejected, in words a person can act on. */
  public static final String REASON = "earshot.error.reason";

  /** The offending field, e.g. {@code created_at}, when one can be named. */
  public static final String FIELD = "earshot.error.field";

  /** Where the record came from, e.g. {@code file:posts.jsonl:42} or {@code http}. */
  public static final String ORIGIN = "earshot.error.origin";

  /** The stage that rejected it: ingest, enrich, aggregate. */
  public static final String STAGE = "earshot.error.stage";

  private DeadLetters() {}
}
