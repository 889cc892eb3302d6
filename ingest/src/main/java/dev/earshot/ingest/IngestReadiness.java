package dev.earshot.ingest;

import dev.earshot.schemas.registry.SchemaRegistryClient;
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
 * instead of holding a request thread through every retry of an unreachable dependency.
 */
final class IngestReadiness implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestReadiness.class);

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

  /**
   * @param kafka the producer's Kafka settings (bootstrap servers, security)
   * @param registry a client that fails fast: no retries, a short timeout
   */
  IngestReadiness(Map<String, String> kafka, SchemaRegistryClient registry, Duration timeout) {
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

  private String findProblem() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .clusterId()
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      return "Kafka does not answer: " + rootMessage(e);
    }
    try {
      registry.subjects();
    } catch (RuntimeException e) {
      return "the schema registry does not answer: " + rootMessage(e);
    }
    return null;
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
