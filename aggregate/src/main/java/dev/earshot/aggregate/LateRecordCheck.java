package dev.earshot.aggregate;

import dev.earshot.avro.PostSentiment;
import dev.earshot.schemas.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Marks records whose window has already closed, using the same rule and the same stream time as
 * the windowed aggregation right after it (window end <= stream time - grace). Kafka Streams would
 * drop such records with only a log line; earshot sends them to the dead-letter topic with the
 * reason and origin instead, so a late post is never lost silently.
 */
final class LateRecordCheck
    implements FixedKeyProcessor<String, PostSentiment, LateRecordCheck.Checked> {
  /** A record with the verdict; late ones carry the dead-letter headers. */
  record Checked(PostSentiment value, boolean late) {}

  private final long windowMs;
  private final long graceMs;
  private long observedStreamTime = Long.MIN_VALUE;
  private FixedKeyProcessorContext<String, Checked> context;

  LateRecordCheck(Duration window, Duration grace) {
    this.windowMs = window.toMillis();
    this.graceMs = grace.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Checked> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, PostSentiment> record) {
    long timestamp = record.timestamp();
    observedStreamTime = Math.max(observedStreamTime, timestamp);
    long windowEnd = timestamp - Math.floorMod(timestamp, windowMs) + windowMs;
    boolean late = windowEnd <= observedStreamTime - graceMs;
    if (!late) {
      context.forward(record.withValue(new Checked(record.value(), false)));
      return;
    }
    Headers headers = new RecordHeaders(record.headers().toArray());
    String reason =
        "late: event time "
            + Instant.ofEpochMilli(timestamp)
            + " is in a window that closed (stream time "
            + Instant.ofEpochMilli(observedStreamTime)
            + ", grace "
            + Duration.ofMillis(graceMs)
            + ")";
    String origin =
        context
            .recordMetadata()
            .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
            .orElse("unknown");
    headers.add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetters.ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetters.STAGE, "aggregate".getBytes(StandardCharsets.UTF_8));
    context.forward(record.withValue(new Checked(record.value(), true)).withHeaders(headers));
  }
}
