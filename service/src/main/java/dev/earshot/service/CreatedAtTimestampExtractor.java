package dev.earshot.service;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is when the post was created ({@code created_at}), read from the value, not the
 * record's timestamp. The record timestamp of earshot's topics is the time Kafka received the post
 * ({@code LogAppendTime}, see {@code TopicSetup}), so that a replay of last month's posts is not
 * deleted by the topic's time-based retention before it is read. Streams windows, grace and the
 * dedupe store all run on this event time. A record that is neither post (one that failed to
 * deserialize, which the dead-letter handler takes) keeps its record timestamp.
 */
public final class CreatedAtTimestampExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof RawPost post && post.getCreatedAt() != null) {
      return post.getCreatedAt().toEpochMilli();
    }
    if (record.value() instanceof EnrichedPost post && post.getPost() != null) {
      return post.getPost().getCreatedAt().toEpochMilli();
    }
    return record.timestamp();
  }
}
