package dev.earshot.deploy.reliability;

import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.ConsumerProgress;
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
import org.apache.kafka.clients.admin.Admin;

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

  /** Records on the topic not yet committed by the group (see {@link ConsumerProgress}). */
  long lag(String group, String topic) {
    return new ConsumerProgress(bootstrapServers()).lag(group, topic);
  }

  /** Everything published so far is through both stages. */
  boolean drained() {
    return new ConsumerProgress(bootstrapServers()).drained();
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
