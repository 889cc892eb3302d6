package dev.earshot.ingest;

import dev.earshot.schemas.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether ingest can do its job: Kafka answers and the schema registry answers. Checked in the
 * background every {@code interval}, so {@code /ready} and each request read a fresh answer without
 * waiting on either. While ingest is not ready, posts are refused at once with 503 and Retry-After
 * instead of holding a request thread through every retry of an unreachable dependency. Each
 * check's outcome per dependency is also a gauge, {@code earshot_ingest_dependency_up{dependency}}
 * (1 answers, 0 does not), so an alert can name the one that is away.
 */
final class IngestReadiness implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestReadiness.class);

  static final String DEPENDENCY_UP = "earshot.ingest.dependency.up";
  static final String DEPENDENCY_UP_HELP =
      "1 while ingest's last check reached the dependency (kafka, registry), 0 otherwise";

  private final Admin admin;
  private final SchemaRegistryClient registry;
  private final Duration timeout;
  private final ScheduledExecutorService checker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "ingest-readiness");
            t.setDaemon(true);
            return t;
          });
  private volatile String problem = "not checked yet";
  private volatile boolean kafkaUp;
  private volatile boolean registryUp;

  /**
   * @param kafka the producer's Kafka settings (bootstrap servers, security)
   * @param registry a client that fails fast: no retries, a short timeout
   * @param metrics where the dependencies' gauges go
   */
  IngestReadiness(
      Map<String, String> kafka,
      SchemaRegistryClient registry,
      Duration timeout,
      MeterRegistry metrics) {
    // Only the keys an admin client knows (bootstrap, security): the producer's own would be
    // logged as unknown on every start.
    Map<String, Object> adminProps = new HashMap<>();
    kafka.forEach(
        (k, v) -> {
          if (AdminClientConfig.configNames().contains(k)) {
            adminProps.put(k, v);
          }
        });
    this.admin = Admin.create(adminProps);
    this.registry = registry;
    this.timeout = timeout;
    Gauge.builder(DEPENDENCY_UP, () -> kafkaUp ? 1 : 0)
        .description(DEPENDENCY_UP_HELP)
        .tag("dependency", "kafka")
        .register(metrics);
    Gauge.builder(DEPENDENCY_UP, () -> registryUp ? 1 : 0)
        .description(DEPENDENCY_UP_HELP)
        .tag("dependency", "registry")
        .register(metrics);
  }

  /** Checks once now, then every {@code interval}. */
  IngestReadiness start(Duration interval) {
    check();
    checker.scheduleWithFixedDelay(
        this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Null when ready; otherwise what is wrong, in words. */
  String problem() {
    return problem;
  }

  boolean isReady() {
    return problem == null;
  }

  void check() {
    String now = findProblem();
    String before = problem;
    problem = now;
    if (now != null && !now.equals(before)) {
      log.error("ingest not ready: {}", now);
    } else if (now == null && before != null) {
      log.info("ingest ready: Kafka and the schema registry answer");
    }
  }

  /**
   * Both dependencies are checked every time, even when Kafka is away, so that each one's gauge
   * says whether it answers; the problem named is Kafka's first.
   */
  private String findProblem() {
    String kafkaProblem = kafkaProblem();
    String registryProblem = registryProblem();
    kafkaUp = kafkaProblem == null;
    registryUp = registryProblem == null;
    return kafkaProblem != null ? kafkaProblem : registryProblem;
  }

  private String kafkaProblem() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .clusterId()
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      return "Kafka does not answer: " + rootMessage(e);
    }
  }

  private String registryProblem() {
    try {
      registry.subjects();
      return null;
    } catch (RuntimeException e) {
      return "the schema registry does not answer: " + rootMessage(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  @Override
  public void close() {
    checker.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}
