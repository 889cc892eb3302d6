package dev.earshot.deploy;

import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.enrich.EnrichService;
import dev.earshot.ingest.IngestService;
import dev.earshot.ingest.JsonlReplay;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.StreamAppRunner;
import dev.earshot.service.TopicSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on 127.0.0.1: a real Kafka broker, a real schema registry, the topics, then
 * ingest, enrich and aggregate, each with the same classes and configuration keys they use when
 * deployed alone. Everything lives under one data directory, so a restart keeps topics, state,
 * schemas and counts. Stops in reverse order on {@link #close()}.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  /** Everything the stack needs to know; ports of 0 are not supported (the registry needs one). */
  public record Settings(
      Path dataDir,
      Path apicurioHome,
      int kafkaPort,
      int controllerPort,
      int registryPort,
      int ingestPort,
      int enrichPort,
      int aggregatePort,
      int partitions) {

    /** Every port picked free on 127.0.0.1, three partitions: for tests and benchmarks. */
    public static Settings onFreePorts(Path dataDir, Path apicurioHome) {
      return new Settings(
          dataDir,
          apicurioHome,
          Ports.free(),
          Ports.free(),
          Ports.free(),
          Ports.free(),
          Ports.free(),
          Ports.free(),
          3);
    }
  }

  private final Settings settings;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private KafkaBroker broker;
  private SchemaRegistryProcess registry;
  private IngestService ingest;
  private StreamAppRunner enrich;
  private StreamAppRunner aggregate;

  private LocalStack(Settings settings) {
    this.settings = settings;
  }

  /** Starts every component and waits until the Streams apps are RUNNING. */
  public static LocalStack start(Settings settings) {
    LocalStack stack = new LocalStack(settings);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() {
    Path data = settings.dataDir();
    broker =
        track(
            KafkaBroker.start(
                data.resolve("kafka"), settings.kafkaPort(), settings.controllerPort()));
    log.info("Kafka broker ready at {}", broker.bootstrapServers());
    registry =
        track(
            SchemaRegistryProcess.start(
                settings.apicurioHome(), data.resolve("registry"), settings.registryPort()));
    createTopics();
    ingest = track(IngestService.start(config("ingest", settings.ingestPort(), data)));
    enrich = track(EnrichService.start(config("enrich", settings.enrichPort(), data)));
    aggregate = track(AggregateService.start(config("aggregate", settings.aggregatePort(), data)));
    await("enrich and aggregate RUNNING", () -> enrich.isRunning() && aggregate.isRunning());
  }

  private <T extends AutoCloseable> T track(T component) {
    started.push(component);
    return component;
  }

  /** Partitions of each topic the stack created. */
  public int partitions() {
    return settings.partitions();
  }

  private ServiceConfig config(String service, int httpPort, Path data) {
    Map<String, String> overrides = new HashMap<>();
    // Static membership: after a crash (kill -9 leaves no time to leave the group) the restarted
    // instance takes its old place at once instead of waiting out the 45 s session timeout of
    // the member that died. Only the stack's own instances have one: two instances with one id
    // would fence each other.
    if (!service.equals("ingest")) {
      overrides.put("kafka.group.instance.id", "earshot-local-" + service);
    }
    return serviceConfig(service, httpPort, data.resolve("streams"), overrides);
  }

  /**
   * The configuration a service would read from its own file, pointed at this stack: for the
   * stack's own services, and for extra instances (e.g. a second aggregate in a test).
   */
  public ServiceConfig serviceConfig(String service, int httpPort, Path stateDir) {
    return serviceConfig(service, httpPort, stateDir, Map.of());
  }

  private ServiceConfig serviceConfig(
      String service, int httpPort, Path stateDir, Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    overrides.put("kafka.bootstrap.servers", broker.bootstrapServers());
    overrides.put("schema.registry.url", registry.url());
    overrides.put("http.port", Integer.toString(httpPort));
    overrides.put("kafka.state.dir", stateDir.toString());
    return ServiceConfig.load(service, null, System.getenv(), overrides);
  }

  private void createTopics() {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      List<String> created = TopicSetup.ensure(admin, settings.partitions(), (short) 1);
      if (!created.isEmpty()) {
        log.info("created topics {}", created);
      }
    }
  }

  /** Replays JSONL posts through ingest (as `ingest --replay` would). */
  public JsonlReplay.Summary replay(InputStream posts, String name) {
    try {
      return ingest.replay(posts, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** The registry's JVM, for tests that kill it. */
  SchemaRegistryProcess registry() {
    return registry;
  }

  public String registryUrl() {
    return registry.url();
  }

  public String ingestUrl() {
    return ingest.baseUrl();
  }

  public String enrichUrl() {
    return enrich.baseUrl();
  }

  public String aggregateUrl() {
    return aggregate.baseUrl();
  }

  private static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            what + " not reached within " + READY_TIMEOUT.toSeconds() + " s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }

  /** Stops everything that was started, newest first; keeps the data directory. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable component = started.pop();
      try {
        component.close();
      } catch (Exception e) {
        log.warn("error stopping {}", component.getClass().getSimpleName(), e);
      }
    }
  }

  /** Deletes a data directory (the --wipe flag). */
  public static void wipe(Path dataDir) {
    if (!Files.exists(dataDir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot wipe " + dataDir, e);
    }
  }
}
