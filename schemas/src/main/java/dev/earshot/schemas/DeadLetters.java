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

  /**
   * Set when the payload was cut to {@link #MAX_PAYLOAD_BYTES}: the size of the original in bytes
   * (or, for a body that was not read to its end, the bytes read before giving up).
   */
  public static final String ORIGINAL_BYTES = "earshot.error.original.bytes";

  /**
   * A dead letter carries at most this much of the input: enough to see what was sent, small enough
   * that the dead letter itself always fits in a Kafka message (1 MB by default), so one oversized
   * input cannot make its own dead letter fail.
   */
  public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

  /** A reason is cut to this many characters before it goes into a header. */
  public static final int MAX_REASON_CHARS = 1_000;

  private DeadLetters() {}
}
