package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.earshot.ingest.IngestService;
import dev.earshot.service.ServiceConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric name the Grafana dashboard and the Prometheus rules use is in a live scrape of the
 * local stack's services, after traffic that makes each event-born series appear: posts labelled
 * and counted, a dead letter, a query refused with 400, a post refused with 429.
 */
@ExtendWith(SharedStack.class)
class MetricNamesIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  /** Prometheus' own: written by the server for every target it scrapes. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");

  /** The scrapes are kept here, to read when a name is missing. */
  private static final Path SCRAPES = Path.of("target", "metric-names");

  private final LocalStack stack = SharedStack.stack();
  private final StackProbe probe = new StackProbe(stack.bootstrapServers());

  @Test
  void everyNameTheDashboardAndTheRulesUseIsScrapedFromTheStack() throws Exception {
    Map<String, String> expressions = WatchFiles.expressions();
    assertThat(expressions).isNotEmpty();

    double labelledBefore = probe.metric(stack.enrichUrl(), "earshot_enrich_posts_total", "");
    String run = "names-" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      assertThat(postTo(stack.ingestUrl(), validPost(run + "-" + i)).statusCode()).isEqualTo(202);
    }
    // No text: 400 and a dead letter (earshot_dead_letters_total{stage="ingest"}).
    assertThat(
            postTo(
                    stack.ingestUrl(),
                    "{\"id\":\""
                        + run
                        + "-x\",\"platform\":\"forum\",\"created_at\":\""
                        + Instant.now()
                        + "\"}")
                .statusCode())
        .isEqualTo(400);
    // A bad range: 400 from the query API (earshot_http_rejected_total{field="from"}).
    assertThat(probe.get(stack.aggregateUrl() + "/api/v1/views/topic/cells?from=soon").statusCode())
        .isEqualTo(400);

    Map<String, String> scrapes = new LinkedHashMap<>();
    // A refusal (earshot_http_refused_total) needs a token file or a client over its rate: an
    // ingest of its own on the same Kafka and registry, allowed one request, so the shared
    // stack's own limit is left alone for the other tests.
    try (IngestService limited = startRateLimitedIngest()) {
      assertThat(postTo(limited.baseUrl(), validPost(run + "-limited")).statusCode())
          .isEqualTo(202);
      assertThat(postTo(limited.baseUrl(), validPost(run + "-refused")).statusCode())
          .isEqualTo(429);
      scrapes.put("ingest-rate-limited", scrape(limited.baseUrl()));
    }

    // Labelled (4 posts: three and the rate-limited ingest's one), then counted by aggregate.
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                probe.metric(stack.enrichUrl(), "earshot_enrich_posts_total", "")
                    >= labelledBefore + 4);
    new ConsumerProgress(stack.bootstrapServers()).awaitDrained(TIMEOUT);

    scrapes.put("ingest", scrape(stack.ingestUrl()));
    scrapes.put("enrich", scrape(stack.enrichUrl()));
    scrapes.put("aggregate", scrape(stack.aggregateUrl()));
    Files.createDirectories(SCRAPES);
    for (Map.Entry<String, String> e : scrapes.entrySet()) {
      Files.writeString(SCRAPES.resolve(e.getKey() + ".prom"), e.getValue());
    }

    Set<String> scraped = new TreeSet<>(PROMETHEUS_OWN);
    scrapes.values().forEach(text -> scraped.addAll(sampleNames(text)));
    Map<String, Set<String>> missing = new TreeMap<>();
    expressions.forEach(
        (where, expression) -> {
          Set<String> absent = new TreeSet<>(PromQlNames.of(expression));
          absent.removeAll(scraped);
          if (!absent.isEmpty()) {
            missing.put(where, absent);
          }
        });
    assertThat(missing)
        .as(
            "names used in %s and %s but in no scrape (see %s)",
            WatchFiles.DASHBOARD, WatchFiles.RULES, SCRAPES.toAbsolutePath())
        .isEmpty();
  }

  /** The name of every sample line ({@code name{labels} value} or {@code name value}). */
  static Set<String> sampleNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
        end++;
      }
      names.add(line.substring(0, end));
    }
    return names;
  }

  private IngestService startRateLimitedIngest() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("kafka.bootstrap.servers", stack.bootstrapServers());
    overrides.put("schema.registry.url", stack.registryUrl());
    overrides.put("http.port", "0");
    overrides.put("http.rate.limit.per.second", "0.001");
    overrides.put("http.rate.limit.burst", "1");
    return IngestService.start(ServiceConfig.load("ingest", null, Map.of(), overrides));
  }

  private String scrape(String baseUrl) throws Exception {
    HttpResponse<String> response = probe.get(baseUrl + "/metrics");
    assertThat(response.statusCode()).as(baseUrl).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> postTo(String baseUrl, String body) throws Exception {
    return probe.post(baseUrl + "/api/v1/posts", HttpRequest.BodyPublishers.ofString(body));
  }

  /** A post of a minute ago: inside every window's grace, so aggregate counts it. */
  private static String validPost(String id) {
    return "{\"id\":\""
        + id
        + "\",\"platform\":\"forum\",\"text\":\"Just married, merging our Acme cards, so happy\","
        + "\"created_at\":\""
        + Instant.now().minusSeconds(60)
        + "\"}";
  }
}
