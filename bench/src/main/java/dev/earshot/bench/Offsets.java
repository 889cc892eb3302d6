package dev.earshot.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** End offsets of topics, and waiting for a consumer group to commit up to them. */
final class Offsets {
  private final Admin admin;
  private final String group;

  Offsets(Admin admin, String group) {
    this.admin = admin;
    this.group = group;
  }

  /** The end offset of every partition of the topics (transaction markers included). */
  Map<TopicPartition, Long> ends(List<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
      topic
          .partitions()
          .forEach(
              p ->
                  latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Waits until the group has committed every partition up to its end offset less {@code slack} (an
   * empty partition counts as done); calls {@code check} between polls, which throws to stop.
   */
  void awaitCommitted(Map<TopicPartition, Long> ends, long slack, Runnable check) throws Exception {
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      boolean done =
          ends.entrySet().stream()
              .allMatch(
                  e ->
                      e.getValue() == 0
                          || committed.get(e.getKey()) != null
                              && committed.get(e.getKey()).offset() >= e.getValue() - slack);
      if (done) {
        return;
      }
      check.run();
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
