package dev.earshot.deploy.reliability;

import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.KafkaBroker;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.SchemaRegistryProcess;
import dev.earshot.enrich.EnrichService;
import dev.earshot.service.TopicSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * The system under test for the reliability suite: a real broker (in this JVM, restartable on the
 * same ports and data) and a real registry, with enrich and aggregate instances as separate JVMs
 * that can be killed with SIGKILL, stopped and restarted, each with its own state directory.
 */
final class ReliabilityCluster implements AutoCloseable {
  static final Duration READY = Duration.ofSeconds(120);
  static final int PARTITIONS = 3;

  private final Path dir;
  private final int kafkaPort = Ports.free();
  private final int controllerPort = Ports.free();
  private final int registryPort = Ports.free();
  private final String guarantee;
  private KafkaBroker broker;
  private SchemaRegistryProcess registry;
  private final List<ServiceProcess> enrich = new ArrayList<>();
  private final List<ServiceProcess> aggregate = new ArrayList<>();

  /**
   * @param guarantee {@code exactly_once_v2}, or {@code at_least_once} for the control run
   */
  ReliabilityCluster(Path dir, String guarantee) {
    this.dir = dir;
    this.guarantee = guarantee;
  }

  ReliabilityCluster start(int enrichInstances, int aggregateInstances, int standbys) {
    startBroker();
    startRegistry();
    try (Admin admin = admin()) {
      TopicSetup.ensure(admin, PARTITIONS, (short) 1);
    }
    for (int i = 1; i <= enrichInstances; i++) {
      enrich.add(service("enrich", i, EnrichService.class.getName(), Map.of()));
    }
    for (int i = 1; i <= aggregateInstances; i++) {
      aggregate.add(
          service(
              "aggregate",
              i,
              AggregateService.class.getName(),
              Map.of("kafka.num.standby.replicas", Integer.toString(standbys))));
    }
    enrich.forEach(s -> s.start(READY));
    aggregate.forEach(s -> s.start(READY));
    return this;
  }

  private ServiceProcess service(String app, int i, String main, Map<String, String> extra) {
    int port = Ports.free();
    Map<String, String> config = new HashMap<>();
    config.put("kafka.bootstrap.servers", bootstrapServers());
    config.put("schema.registry.url", registryUrl());
    config.put("http.port", Integer.toString(port));
    config.put("kafka.state.dir", dir.resolve(app + "-" + i).resolve("state").toString());
    config.put("kafka.processing.guarantee", guarantee);
    // The same settings for both guarantees, so the control run differs in the guarantee only:
    // commits every second, and no record cache, so every update reaches the changelog at once.
    config.put("kafka.commit.interval.ms", "1000");
    config.put("kafka.statestore.cache.max.bytes", "0");
    // A restarted instance takes its place at once instead of waiting out the dead one's session.
    config.put("kafka.group.instance.id", "reliability-" + app + "-" + i);
    config.putAll(extra);
    return new ServiceProcess(app + "-" + i, main, config, dir.resolve(app + "-" + i), port);
  }

  void startBroker() {
    broker = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort);
  }

  void stopBroker() {
    broker.close();
    broker = null;
  }

  void startRegistry() {
    registry =
        SchemaRegistryProcess.start(
            ApicurioDistribution.locate(), dir.resolve("registry"), registryPort);
  }

  void stopRegistry() {
    registry.close();
    registry = null;
  }

  List<ServiceProcess> enrich() {
    return enrich;
  }

  List<ServiceProcess> aggregate() {
    return aggregate;
  }

  Path stateDir(ServiceProcess service) {
    return dir.resolve(service.name()).resolve("state");
  }

  String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  String registryUrl() {
    return "http://127.0.0.1:" + registryPort + SchemaRegistryProcess.CCOMPAT_PATH;
  }

  Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
  }

  /**
   * Whether the group has committed everything there is to read on the topic. A committed offset
   * just short of the end can still be the end: under exactly-once the last offset of a partition
   * is often a transaction marker, which an idle Streams app never commits past. So a partition
   * counts as consumed when a read_committed consumer finds no record between the committed offset
   * and the end.
   */
  boolean consumedAll(String group, String topic) {
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

  private boolean anyRecordBetween(TopicPartition tp, long from, long end) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers());
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

  /** Records (and transaction markers) on the topic not yet committed by the group. */
  long lag(String group, String topic) {
    Map<TopicPartition, long[]> offsets = committedAndEnd(group, topic);
    return offsets == null
        ? -1
        : offsets.values().stream().mapToLong(o -> Math.max(0, o[1] - o[0])).sum();
  }

  /** Per partition: the group's committed offset (0 if none) and the end offset; null on error. */
  private Map<TopicPartition, long[]> committedAndEnd(String group, String topic) {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
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

  /** Everything published so far is through both stages. */
  boolean drained() {
    return consumedAll("earshot-enrich", "posts.raw")
        && consumedAll("earshot-aggregate", "posts.enriched")
        && consumedAll("earshot-aggregate", "earshot-aggregate-by-audience-topic-repartition");
  }

  @Override
  public void close() {
    enrich.forEach(ServiceProcess::stop);
    aggregate.forEach(ServiceProcess::stop);
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }
}
