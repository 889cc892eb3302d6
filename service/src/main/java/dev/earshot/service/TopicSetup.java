package dev.earshot.service;

import dev.earshot.schemas.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;

/**
 * Creates earshot's topics ({@link Topics#all()}) that do not exist yet; of existing ones it only
 * sets the record timestamp type of post topics (see {@link #postTopic}). The local stack uses it,
 * and so does {@code ./earshot topics} against a real cluster.
 */
public final class TopicSetup {
  /**
   * Partitions per topic on a real cluster unless told otherwise: up to six instances of each stage
   * share the work. More partitions allow more instances; they cannot be fewer later.
   */
  public static final int DEFAULT_PARTITIONS = 6;

  private TopicSetup() {}

  /**
   * A topic of posts (or of their dead letters) with time-based retention counted from when Kafka
   * received each record ({@code LogAppendTime}), not from the producer's timestamp. Posts carry
   * their event time in {@code created_at}; if the record timestamp were that event time, a replay
   * of posts older than the retention (7 days by default) would be deleted by the broker's next
   * retention check, possibly before enrich or aggregate read it.
   */
  public static NewTopic postTopic(String name, int partitions, short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor)
        .configs(
            Map.of(
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                TimestampType.LOG_APPEND_TIME.toString()));
  }

  /**
   * A topic as its spec says: its cleanup policy, and {@code LogAppendTime} when old records are
   * deleted by time. Window records are stamped with their window's start, which for a day window
   * published after a week of grace is already older than a week's retention: counted from the
   * record's own time they could be deleted before a BI tool read them.
   *
   * <p>Public so that the Kubernetes manifests' test (deploy's {@code K8sManifestsTest}) can check
   * each Strimzi {@code KafkaTopic} against exactly what this creates.
   */
  public static NewTopic topic(Topics.Spec spec, int partitions, short replicationFactor) {
    if (spec.cleanup() == Topics.Cleanup.DELETE) {
      return postTopic(spec.name(), partitions, replicationFactor);
    }
    Map<String, String> configs = new HashMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, spec.cleanup().policy());
    if (spec.cleanup().deletesByTime()) {
      configs.put(
          TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TimestampType.LOG_APPEND_TIME.toString());
    }
    return new NewTopic(spec.name(), partitions, replicationFactor).configs(configs);
  }

  /**
   * Sets {@code LogAppendTime} on existing topics deleted by time that lack it (topics made by an
   * earlier version, or by hand); returns their names.
   */
  private static List<String> useAppendTime(
      Admin admin, Set<String> existing, List<Topics.Spec> specs)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<ConfigResource> posts = new ArrayList<>();
    for (Topics.Spec spec : specs) {
      if (spec.cleanup().deletesByTime() && existing.contains(spec.name())) {
        posts.add(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
      }
    }
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    String appendTime = TimestampType.LOG_APPEND_TIME.toString();
    admin
        .describeConfigs(posts)
        .all()
        .get(60, TimeUnit.SECONDS)
        .forEach(
            (topic, config) -> {
              var type = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
              if (type == null || !appendTime.equals(type.value())) {
                changes.put(
                    topic,
                    List.of(
                        new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, appendTime),
                            AlterConfigOp.OpType.SET)));
              }
            });
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
    }
    return changes.keySet().stream().map(ConfigResource::name).sorted().toList();
  }

  /**
   * Creates the missing topics, and sets {@code LogAppendTime} on existing post topics without it;
   * returns the names of the topics it created or changed.
   */
  public static List<String> ensure(Admin admin, int partitions, short replicationFactor) {
    return ensure(admin, partitions, replicationFactor, Topics.all());
  }

  /** As above, for these topics (e.g. {@link Topics#all(java.util.Map)} for configured sizes). */
  public static List<String> ensure(
      Admin admin, int partitions, short replicationFactor, List<Topics.Spec> specs) {
    try {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Spec spec : specs) {
        if (!existing.contains(spec.name())) {
          int count = spec.partitions() > 0 ? spec.partitions() : partitions;
          missing.add(topic(spec, count, replicationFactor));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
      List<String> changed = new ArrayList<>(missing.stream().map(NewTopic::name).toList());
      changed.addAll(useAppendTime(admin, existing, specs));
      return changed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
    }
  }
}
