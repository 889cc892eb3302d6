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
 * deserialize, which the dead-letter handler takes) keeps its record timestamp; so does a post
 * dated before 1970, which Kafka Streams would otherwise drop silently ("negative extracted
 * timestamp"): it reaches the stage's first step, which dead-letters it ({@link PostContract}).
 */
public final class CreatedAtTimestampExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long eventTime = -1;
    if (record.value() instanceof RawPost post && post.getCreatedAt() != null) {
      eventTime = post.getCreatedAt().toEpochMilli();
    } else if (record.value() instanceof EnrichedPost post
        && post.getPost() != null
        && post.getPost().getCreatedAt() != null) {
      eventTime = post.getPost().getCreatedAt().toEpochMilli();
    }
    return eventTime >= 0 ? eventTime : record.timestamp();
  }
}
