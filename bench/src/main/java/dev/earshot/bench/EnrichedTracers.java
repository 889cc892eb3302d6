package dev.earshot.bench;

import dev.earshot.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads posts.enriched as aggregate does (read_committed) and notes when each tracer shows. */
final class EnrichedTracers {
  private final String bootstrap;
  private final AtomicLongArray seen;

  EnrichedTracers(String bootstrap, int tracers) {
    this.bootstrap = bootstrap;
    this.seen = new AtomicLongArray(tracers);
  }

  void run(AtomicBoolean polling) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.POSTS_ENRICHED)
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (polling.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          long now = System.nanoTime();
          int at = record.key() == null ? -1 : record.key().indexOf(FreshnessBenchmark.TRACER_ID);
          if (at >= 0) {
            int i =
                Integer.parseInt(
                    record.key().substring(at + FreshnessBenchmark.TRACER_ID.length()));
            seen.compareAndSet(i, 0, now);
          }
        }
      }
    }
  }

  long seenAt(int i) {
    return seen.get(i);
  }
}
