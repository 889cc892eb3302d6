package dev.earshot.aggregate;

import dev.earshot.avro.PostSentiment;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Refuses records whose window has already closed, using the same rule and the same stream time as
 * the windowed aggregation right after it (window end <= stream time - grace). Kafka Streams would
 * drop such records with only a log line; earshot throws {@link LateRecordException} instead, so
 * the dead-letter handler sends the record as read to aggregate.dlq and a late post is never lost
 * silently. On-time records pass unchanged.
 */
final class LateRecordCheck implements FixedKeyProcessor<String, PostSentiment, PostSentiment> {
  private final long windowMs;
  private final long graceMs;
  private long observedStreamTime = Long.MIN_VALUE;
  private FixedKeyProcessorContext<String, PostSentiment> context;

  LateRecordCheck(Duration window, Duration grace) {
    this.windowMs = window.toMillis();
    this.graceMs = grace.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, PostSentiment> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, PostSentiment> record) {
    long timestamp = record.timestamp();
    observedStreamTime = Math.max(observedStreamTime, timestamp);
    long windowStart = timestamp - Math.floorMod(timestamp, windowMs);
    long windowEnd = windowStart + windowMs;
    if (windowEnd > observedStreamTime - graceMs) {
      context.forward(record);
      return;
    }
    throw new LateRecordException(
        "late: post "
            + (record.value() == null ? null : record.value().getPostKey())
            + " at "
            + Instant.ofEpochMilli(timestamp)
            + " is in window ["
            + Instant.ofEpochMilli(windowStart)
            + ", "
            + Instant.ofEpochMilli(windowEnd)
            + "), closed: stream time "
            + Instant.ofEpochMilli(observedStreamTime)
            + ", grace "
            + Duration.ofMillis(graceMs));
  }
}
