package dev.earshot.aggregate;

import dev.earshot.avro.EnrichedPost;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows are in event time: when the post was created, not when Kafka saw it. Ingest also sets the
 * record timestamp to {@code created_at}; reading the field makes the aggregate right even if a
 * producer did not.
 */
public final class PostTimestampExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof EnrichedPost post) {
      return post.getPost().getCreatedAt().toEpochMilli();
    }
    return record.timestamp();
  }
}
