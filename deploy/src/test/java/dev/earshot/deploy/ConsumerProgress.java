package dev.earshot.deploy;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How far the Streams apps have read: the one drain check every integration test uses. */
public final class ConsumerProgress {
  private final String bootstrapServers;

  public ConsumerProgress(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Everything published so far is through both stages (enrich, then aggregate). */
  public boolean drained() {
    return consumedAll("earshot-enrich", "posts.raw")
        && consumedAll("earshot-aggregate", "posts.enriched")
        && consumedAll("earshot-aggregate", "earshot-aggregate-by-cell-repartition");
  }

  public void awaitDrained(Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(this::drained);
  }

  /**
   * Whether the group has committed everything there is to read on the topic. A committed offset
   * just short of the end can still be the end: under exactly-once the last offset of a partition
   * is often a transaction marker, which an idle Streams app never commits past. So a partition
   * counts as consumed when a read_committed consumer finds no record between the committed offset
   * and the end.
   */
  public boolean consumedAll(String group, String topic) {
    Map<TopicPartition, long[]> offsets = committedAndEnd(group, topic);
    if (offsets == null) {
      return false;
    }
    for (Map.Entry<TopicPartition, long[]> e : offsets.entrySet()) {
      long committed = e.getValue()[0];
      long end = e.getValue()[1];
      if (committed < end && anyRecordBetween(e.getKey(), committed, end)) {
        return false;
      }
    }
    return true;
  }

  /** Records (and transaction markers) on the topic not yet committed by the group; -1: unknown. */
  public long lag(String group, String topic) {
    Map<TopicPartition, long[]> offsets = committedAndEnd(group, topic);
    return offsets == null
        ? -1
        : offsets.values().stream().mapToLong(o -> Math.max(0, o[1] - o[0])).sum();
  }

  private boolean anyRecordBetween(TopicPartition tp, long from, long end) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("isolation.level", "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seek(tp, from);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (consumer.position(tp) < end && System.nanoTime() < deadline) {
        if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
          return true;
        }
      }
      return consumer.position(tp) < end;
    }
  }

  /** Per partition: the group's committed offset (0 if none) and the end offset; null on error. */
  private Map<TopicPartition, long[]> committedAndEnd(String group, String topic) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, long[]> offsets = new HashMap<>();
      admin
          .listOffsets(ends)
          .all()
          .get()
          .forEach(
              (tp, end) -> {
                OffsetAndMetadata c = committed.get(tp);
                offsets.put(tp, new long[] {c == null ? 0 : c.offset(), end.offset()});
              });
      return offsets;
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
