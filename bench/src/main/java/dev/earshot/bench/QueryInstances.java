package dev.earshot.bench;

import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.deploy.Ports;
import dev.earshot.schemas.Topics;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.StreamAppRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Two instances of the aggregate service in this JVM, as the two-instance integration test starts
 * them ({@link AggregateService#start} on the service's own configuration pointed at the
 * benchmark's broker and registry): one application id, a state dir and an HTTP port each, one
 * stream thread each. The API's per-client rate limit (aggregate.properties: 500 requests/s from
 * one address) is off unless {@code -Dbench.query.rate.limit} sets one, since every client thread
 * of the benchmark, and every forwarded query, comes from 127.0.0.1.
 */
final class QueryInstances implements AutoCloseable {
  static final String APPLICATION_ID = "bench-query";

  static final String RATE_LIMIT = System.getProperty("bench.query.rate.limit", "0");

  private final List<StreamAppRunner> runners = new ArrayList<>();
  private final List<ServiceConfig> configs = new ArrayList<>();

  private QueryInstances() {}

  /** Starts both instances; closes what it started if one fails. */
  static QueryInstances start(String bootstrap, String registryUrl, Path dir) {
    QueryInstances instances = new QueryInstances();
    try {
      for (String name : List.of("a", "b")) {
        ServiceConfig config = config(bootstrap, registryUrl, Ports.free(), dir.resolve(name));
        instances.configs.add(config);
        instances.runners.add(AggregateService.start(config));
      }
      return instances;
    } catch (RuntimeException e) {
      instances.close();
      throw e;
    }
  }

  private static ServiceConfig config(String bootstrap, String registryUrl, int port, Path state) {
    return ServiceConfig.load(
        "aggregate",
        null,
        System.getenv(),
        Map.of(
            "kafka.bootstrap.servers", bootstrap,
            "schema.registry.url", registryUrl,
            "kafka.application.id", APPLICATION_ID,
            "kafka.num.stream.threads", "1",
            "kafka.state.dir", state.toString(),
            "http.port", Integer.toString(port),
            "http.rate.limit.per.second", RATE_LIMIT));
  }

  List<StreamAppRunner> runners() {
    return runners;
  }

  /** Waits until every instance answers {@code /ready} with 200 (RUNNING, not rebalancing). */
  void awaitReady(HttpClient http, Duration timeout) throws Exception {
    await(
        "both aggregate instances ready",
        timeout,
        () -> runners.stream().allMatch(r -> status(http, r.baseUrl() + "/ready") == 200));
  }

  /**
   * Waits until the application has committed the whole input and then the whole repartition topic
   * (under exactly-once less its last entry, a transaction marker a commit cannot pass): every post
   * is then in every store it goes to, on the instance that owns it.
   */
  void awaitConsumed(Admin admin, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Runnable check =
        () -> {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("input not consumed within " + timeout);
          }
        };
    Offsets offsets = new Offsets(admin, APPLICATION_ID);
    offsets.awaitCommitted(offsets.ends(List.of(Topics.POSTS_ENRICHED)), 0, check);
    boolean exactlyOnce =
        configs
            .get(0)
            .get(
                ServiceConfig.KAFKA_PREFIX + StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                "at_least_once")
            .startsWith("exactly");
    offsets.awaitCommitted(
        offsets.ends(List.of(AggregateRun.repartition(APPLICATION_ID))),
        exactlyOnce ? 1 : 0,
        check);
  }

  /** The status of {@code GET url}, or -1 if it could not be asked. */
  static int status(HttpClient http, String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + ": not reached within " + timeout);
      }
      Thread.sleep(200);
    }
  }

  /** The second instance first, then the first; each commits and leaves the group. */
  @Override
  public void close() {
    for (int i = runners.size() - 1; i >= 0; i--) {
      runners.get(i).close();
    }
  }
}
