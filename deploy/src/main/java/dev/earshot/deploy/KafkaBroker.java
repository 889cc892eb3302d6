package dev.earshot.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run
 * in-process from the Maven Central jars on 127.0.0.1. The log directory is formatted once; the
 * cluster id is kept beside the data so a restart reuses it and keeps every topic.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final String CLUSTER_ID_FILE = "cluster.id";

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats {@code dataDir} if it is new, then starts the broker.
   *
   * @param port the client listener; {@code controllerPort} the KRaft controller listener
   */
  public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
    return start(dataDir, port, controllerPort, Map.of());
  }

  /**
   * @param overrides broker settings applied last, e.g. a SASL_SSL listener, SCRAM and an
   *     authorizer for the security tests
   */
  public static KafkaBroker start(
      Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
    Ports.requireFree("Kafka broker", port);
    Ports.requireFree("Kafka controller", controllerPort);
    Path logDir = dataDir.resolve("logs");
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    // One broker: every internal topic has one replica.
    for (String prefix :
        List.of("offsets.topic", "transaction.state.log", "share.coordinator.state.topic")) {
      props.put(prefix + ".replication.factor", "1");
      props.put(prefix + ".min.isr", "1");
    }
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("num.partitions", "3");
    props.put("group.initial.rebalance.delay.ms", "0");
    // The 128 MiB default dominates the heap of a small local broker.
    props.put("log.cleaner.dedupe.buffer.size", "2097152");
    props.put("auto.create.topics.enable", "false");
    props.putAll(overrides);

    KafkaConfig config = new KafkaConfig(props, false);
    try {
      Files.createDirectories(logDir);
      Path idFile = dataDir.resolve(CLUSTER_ID_FILE);
      if (!Files.exists(idFile)) {
        String clusterId = Uuid.randomUuid().toString();
        Formatter formatter =
            new Formatter()
                .setPrintStream(System.out)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setNodeId(1)
                .setClusterId(clusterId)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        formatter.run();
        Files.writeString(idFile, clusterId);
        log.info("formatted new Kafka log directory {} (cluster {})", logDir, clusterId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    return new KafkaBroker(server, "127.0.0.1:" + port);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
