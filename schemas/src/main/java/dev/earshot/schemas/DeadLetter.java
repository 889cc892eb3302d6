package dev.earshot.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one shape of a dead letter, the same on {@code ingest.dlq}, {@code enrich.dlq} and {@code
 * aggregate.dlq}: the input as the stage received it, and why the stage refused it in headers.
 * Build one with {@link #of}, read one with {@link #from(ConsumerRecord)}.
 *
 * <table>
 *   <caption>A dead letter</caption>
 *   <tr><th>Part</th><th>Meaning</th><th>ingest</th><th>enrich</th><th>aggregate</th></tr>
 *   <tr><td>key</td><td>the key of the refused record as read, or null</td>
 *     <td>null (input has no key)</td><td>{@code twitter:42}</td>
 *     <td>{@code twitter:42}; for {@code late}: the cell, {@code parents|rewards}</td></tr>
 *   <tr><td>value</td><td>the refused record's bytes as read, at most {@link #MAX_PAYLOAD_BYTES}
 *     </td><td>the JSON line or HTTP body</td><td>the RawPost, Avro in the Confluent wire format
 *     </td><td>the EnrichedPost, Avro; for {@code late}: the PostSentiment vote as read from the
 *     repartition topic</td></tr>
 *   <tr><td>{@value #STAGE}</td><td>the stage that refused it</td><td>{@code ingest}</td>
 *     <td>{@code enrich}</td><td>{@code aggregate}</td></tr>
 *   <tr><td>{@value #REASON}</td><td>why, as one short machine word (also the metric's reason
 *     tag)</td><td>the field: {@code created_at}, {@code text}, {@code $} (the whole input)</td>
 *     <td>{@code deserialization}, {@code invalid}, {@code processing}</td>
 *     <td>{@code deserialization}, {@code invalid}, {@code processing}, {@code late}</td></tr>
 *   <tr><td>{@value #MESSAGE}</td><td>why, for a person, at most {@link #MAX_MESSAGE_CHARS}
 *     characters</td><td>{@code created_at 1969-07-20T20:17:00Z is before 1970-01-01T00:00:00Z}
 *     </td><td>{@code dev.earshot.labels.PostTooLargeException: post twitter:42 has 9000
 *     characters, over the limit of 5000 (enrich.max.text.chars)}; for {@code invalid}: {@code
 *     the record has no key; it must be 'twitter:42'}</td>
 *     <td>{@code late: post twitter:42 at 2026-11-16T10:30:00Z is in window
 *     [2026-11-16T10:00:00Z, 2026-11-16T11:00:00Z), closed: stream time 2026-11-16T12:30:00Z,
 *     grace PT1H}</td></tr>
 *   <tr><td>{@value #ORIGIN}</td><td>where it came from</td>
 *     <td>{@code http}, {@code file:posts.jsonl:42}</td><td>{@code posts.raw-3@1234}</td>
 *     <td>{@code posts.enriched-0@77}</td></tr>
 *   <tr><td>{@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}</td><td>the source record
 *     (Streams stages only)</td><td>absent</td><td>{@code posts.raw}, {@code 3}, {@code 1234}
 *     </td><td>{@code posts.enriched}, {@code 0}, {@code 77}; for {@code late}: the repartition
 *     topic {@code earshot-aggregate-by-cell-repartition}</td></tr>
 *   <tr><td>{@value #FIELD}</td><td>the offending field, when one is named</td>
 *     <td>{@code created_at}</td><td>absent</td><td>absent</td></tr>
 *   <tr><td>{@value #ORIGINAL_BYTES}</td><td>only when the value was cut: the input's full size
 *     in bytes (or the bytes read before giving up on a body too large to read)</td>
 *     <td>{@code 3000000}</td><td>when over 256 KiB</td><td>when over 256 KiB</td></tr>
 *   <tr><td>{@value #ORIGINAL_KEY_BYTES}</td><td>only when the key was cut to 1 KiB (a hostile
 *     key): its full size in bytes</td><td>-</td><td>rare</td><td>rare</td></tr>
 * </table>
 *
 * <p>Header values are UTF-8 text; numbers are decimal. Every dead letter carries stage, reason,
 * message and origin. Kafka Streams' own {@code __streams.errors.*} headers are not written: the
 * handlers build the whole record, and the stack trace goes to the service's log.
 *
 * <p>A late vote is dead-lettered as aggregate's windowing step read it (after the repartition,
 * where lateness is decided), not as the enriched post: one dead letter per (audience, topic) cell
 * of the post, the post's key in the message and in the PostSentiment value.
 *
 * @param topic the source topic, or null (ingest)
 * @param partition the source partition, or null (ingest)
 * @param offset the source offset, or null (ingest)
 * @param field the offending field, or null
 * @param originalBytes the size of the input when {@code value} is only its start, else null
 */
public record DeadLetter(
    Stage stage,
    String reason,
    String message,
    String origin,
    String topic,
    Integer partition,
    Long offset,
    String field,
    Long originalBytes,
    byte[] key,
    byte[] value) {

  public static final String STAGE = "earshot.error.stage";
  public static final String REASON = "earshot.error.reason";
  public static final String MESSAGE = "earshot.error.message";
  public static final String ORIGIN = "earshot.error.origin";
  public static final String TOPIC = "earshot.error.topic";
  public static final String PARTITION = "earshot.error.partition";
  public static final String OFFSET = "earshot.error.offset";
  public static final String FIELD = "earshot.error.field";
  public static final String ORIGINAL_BYTES = "earshot.error.original.bytes";
  public static final String ORIGINAL_KEY_BYTES = "earshot.error.original.key.bytes";

  /**
   * A dead letter carries at most this much of the input: enough to see what was sent, small enough
   * that the dead letter itself always fits in a Kafka message (1 MB by default), so one oversized
   * input cannot make its own dead letter fail.
   */
  public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

  /**
   * A dead letter carries at most this much of the input's key. A post key is short; a longer one
   * is hostile, and cut so that key and value together stay far below a Kafka message's limit.
   */
  public static final int MAX_KEY_BYTES = 1024;

  /** A message is cut to this many characters (it may be an exception's, of any length). */
  public static final int MAX_MESSAGE_CHARS = 1_000;

  /** A reason is a word; one longer than this is cut (it is also a metric tag). */
  public static final int MAX_REASON_CHARS = 64;

  /**
   * The reason as the {@link #REASON} header and the dead-letter metric's {@code reason} tag both
   * carry it: at most {@link #MAX_REASON_CHARS} characters, {@code unknown} when there is none.
   */
  public static String reasonTag(String reason) {
    return Builder.cut(reason, MAX_REASON_CHARS);
  }

  /**
   * Starts a dead letter for {@code stage}'s dead-letter topic. Give it an origin ({@link
   * Builder#origin} or {@link Builder#source}) and the input.
   *
   * @param reason a short machine word, e.g. {@code late}
   * @param message what went wrong, for a person
   */
  public static Builder of(Stage stage, String reason, String message) {
    return new Builder(stage, reason, message);
  }

  /** Reads a dead letter; throws if a header every dead letter carries is missing. */
  public static DeadLetter from(ConsumerRecord<byte[], byte[]> record) {
    return from(record.headers(), record.key(), record.value());
  }

  /** Reads a dead letter from its parts (e.g. a Streams test driver's record). */
  public static DeadLetter from(Headers headers, byte[] key, byte[] value) {
    String topic = optional(headers, TOPIC);
    String partition = optional(headers, PARTITION);
    String offset = optional(headers, OFFSET);
    String originalBytes = optional(headers, ORIGINAL_BYTES);
    return new DeadLetter(
        Stage.fromTag(required(headers, STAGE)),
        required(headers, REASON),
        required(headers, MESSAGE),
        required(headers, ORIGIN),
        topic,
        partition == null ? null : Integer.valueOf(partition),
        offset == null ? null : Long.valueOf(offset),
        optional(headers, FIELD),
        originalBytes == null ? null : Long.valueOf(originalBytes),
        key,
        value);
  }

  private static String required(Headers headers, String name) {
    String value = optional(headers, name);
    if (value == null) {
      throw new IllegalArgumentException("not an earshot dead letter: no header " + name);
    }
    return value;
  }

  private static String optional(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Collects one dead letter; {@link #build()} gives the record for the stage's topic. */
  public static final class Builder {
    private final Stage stage;
    private final String reason;
    private final String message;
    private String origin;
    private String topic;
    private Integer partition;
    private Long offset;
    private String field;
    private byte[] key;
    private byte[] value;
    private long originalBytes;

    private Builder(Stage stage, String reason, String message) {
      this.stage = stage;
      this.reason = reason;
      this.message = message;
    }

    /** Where input without a source record came from: {@code http}, {@code file:x.jsonl:42}. */
    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    /** The source record of a Streams stage; the origin becomes {@code topic-partition@offset}. */
    public Builder source(String topic, int partition, long offset) {
      this.topic = topic;
      this.partition = partition;
      this.offset = offset;
      this.origin = topic + "-" + partition + "@" + offset;
      return this;
    }

    /** The offending field, when one can be named. */
    public Builder field(String field) {
      this.field = field;
      return this;
    }

    /** The key as read; null when the input had none. */
    public Builder key(byte[] key) {
      this.key = key;
      return this;
    }

    /** The input as read, whole (null for a tombstone). */
    public Builder value(byte[] value) {
      return value(value, value == null ? 0 : value.length);
    }

    /**
     * The start of an input of {@code originalBytes} bytes, for input not read to its end (a body
     * over the size limit).
     */
    public Builder value(byte[] value, long originalBytes) {
      this.value = value;
      this.originalBytes = Math.max(originalBytes, value == null ? 0 : value.length);
      return this;
    }

    public ProducerRecord<byte[], byte[]> build() {
      if (origin == null) {
        throw new IllegalStateException("a dead letter needs an origin or a source record");
      }
      RecordHeaders headers = new RecordHeaders();
      add(headers, STAGE, stage.tag());
      add(headers, REASON, reasonTag(reason));
      add(headers, MESSAGE, cut(message, MAX_MESSAGE_CHARS));
      add(headers, ORIGIN, origin);
      if (topic != null) {
        add(headers, TOPIC, topic);
        add(headers, PARTITION, Integer.toString(partition));
        add(headers, OFFSET, Long.toString(offset));
      }
      if (field != null) {
        add(headers, FIELD, field);
      }
      byte[] payload = value;
      if (value != null && (value.length > MAX_PAYLOAD_BYTES || originalBytes > value.length)) {
        payload = Arrays.copyOf(value, Math.min(value.length, MAX_PAYLOAD_BYTES));
        add(headers, ORIGINAL_BYTES, Long.toString(originalBytes));
      }
      byte[] keyStart = key;
      if (key != null && key.length > MAX_KEY_BYTES) {
        keyStart = Arrays.copyOf(key, MAX_KEY_BYTES);
        add(headers, ORIGINAL_KEY_BYTES, Integer.toString(key.length));
      }
      // No partition and no timestamp: the producer picks both, as for any new event.
      return new ProducerRecord<>(stage.deadLetterTopic(), null, null, keyStart, payload, headers);
    }

    private static void add(Headers headers, String name, String value) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** At most {@code max} characters, "..." included, never splitting a surrogate pair. */
    static String cut(String s, int max) {
      if (s == null || s.isEmpty()) {
        return "unknown";
      }
      if (s.length() <= max) {
        return s;
      }
      int end = max - 3;
      if (Character.isHighSurrogate(s.charAt(end - 1))) {
        end--;
      }
      return s.substring(0, end) + "...";
    }
  }
}
