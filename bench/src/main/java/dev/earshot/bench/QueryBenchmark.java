package dev.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.KafkaBroker;
import dev.earshot.deploy.LocalStack;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.SchemaRegistryProcess;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.StreamAppRunner;
import dev.earshot.service.TopicSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The query API under load (issue 10's query targets): two aggregate instances of one application
 * ({@link QueryInstances}) on a real broker and registry, holding {@link AggregateInput}'s enriched
 * posts spread over several days of event time, asked by a closed-loop load generator ({@link
 * QueryLoad}) with a fixed number of client threads in this JVM. Scenarios, each with a warm-up and
 * a timed phase, alternating within each round:
 *
 * <ol>
 *   <li>{@code GET /health} on the owner of the cell below: the HTTP floor, the baseline;
 *   <li>one audience x topic cell over 7 days (default interval: days), asked of its owner;
 *   <li>the same with {@code interval=1h} (168 hourly windows);
 *   <li>the same as 2, asked of the other instance, which forwards it to the owner;
 *   <li>every audience x topic cell over 1 day (default interval: hours), asked of the owner, which
 *       fans out to both instances.
 * </ol>
 *
 * <p>Prints each phase's queries/s, p50/p90/p99/max latency and errors (any answer but 200, which
 * is never left out), then the medians over the rounds against the targets. The instances, the
 * broker, the registry and the client threads share the machine's cores.
 *
 * <p>Arguments: posts (300,000), days of event time they span (10), rounds (2), seconds of each
 * timed phase (10), client threads (4), seconds of each warm-up (as the timed phase). System
 * properties: {@code bench.query.cell} ({@code newlyweds/card-consolidation}), the audience x topic
 * cell; {@code bench.query.rate.limit} (0: off), the instances' per-client rate limit; {@code
 * bench.query.client} ({@code jdk}: client threads in this JVM; {@code wrk}: {@link WrkLoad});
 * {@code bench.fresh.authors} as for {@link AggregateBenchmark}.
 */
public final class QueryBenchmark {
  private static final int PARTITIONS = 4;
  private static final String VIEW = "audience-topic";
  static final String CELL = System.getProperty("bench.query.cell", "newlyweds/card-consolidation");
  private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether wrk sends the load ({@code -Dbench.query.client=wrk}) instead of JDK HttpClient. */
  static final boolean WRK = "wrk".equals(System.getProperty("bench.query.client", "jdk"));

  /** One closed-loop phase against a URI: warm-up, then timed. */
  interface Phase {
    QueryLoad.Result run(URI uri) throws Exception;
  }

  /** The benchmark's arguments. */
  record Settings(int posts, int days, int rounds, int seconds, int threads, int warmUpSeconds) {
    static Settings parse(String[] args) {
      int seconds = arg(args, 3, 10);
      return new Settings(
          arg(args, 0, 300_000),
          arg(args, 1, 10),
          arg(args, 2, 2),
          seconds,
          arg(args, 4, 4),
          arg(args, 5, seconds));
    }

    private static int arg(String[] args, int at, int fallback) {
      return args.length > at ? Integer.parseInt(args[at]) : fallback;
    }
  }

  /** One scenario: what is asked, of which instance. */
  record Scenario(String name, URI uri) {}

  /** The event time the input spans. */
  record Span(Instant start, Instant end) {
    /** The first UTC midnight at or after the start. */
    Instant firstDay() {
      Instant day = start.truncatedTo(ChronoUnit.DAYS);
      return day.isBefore(start) ? day.plus(Duration.ofDays(1)) : day;
    }

    /** The UTC day in the middle of the input. */
    Instant middleDay() {
      return start.plus(Duration.between(start, end).dividedBy(2)).truncatedTo(ChronoUnit.DAYS);
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Path dir = Files.createTempDirectory("earshot-bench-query");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
        SchemaRegistryProcess registry =
            SchemaRegistryProcess.start(
                ApicurioDistribution.locate(), dir.resolve("registry"), Ports.free());
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      // posts.enriched (LogAppendTime), aggregate.dlq, alerts and the views' output topics.
      TopicSetup.ensure(admin, PARTITIONS, (short) 1);
      try (QueryInstances instances =
          QueryInstances.start(broker.bootstrapServers(), registry.url(), dir)) {
        // Both instances hold their tasks before any post arrives, so no task moves later.
        instances.awaitReady(http, Duration.ofMinutes(3));
        Span span = publish(broker.bootstrapServers(), registry.url(), settings);
        long started = System.nanoTime();
        instances.awaitConsumed(admin, CONSUME_TIMEOUT);
        System.out.printf(
            "consumed by both instances in %.1f s; %s end offsets %d (0: no dead letters)%n",
            (System.nanoTime() - started) / 1e9,
            Topics.AGGREGATE_DLQ,
            // End offsets need no group: any will do.
            Offsets.sum(new Offsets(admin, "-").ends(List.of(Topics.AGGREGATE_DLQ))));
        instances.awaitReady(http, Duration.ofMinutes(3));
        measure(http, instances, span, settings);
      }
    }
    // The changelogs hold every store write with its sketches (about 9 KB a post in a smoke run);
    // kept only when the run failed, for its logs.
    LocalStack.wipe(dir);
  }

  /** Enriches the sample and publishes the input; returns the event time it spans. */
  private static Span publish(String bootstrap, String registryUrl, Settings settings) {
    long perDay = Math.max(1, Math.round((double) settings.posts() / settings.days()));
    AggregateInput input = AggregateInput.enrichSample(perDay, AggregateBenchmark.FRESH_AUTHORS);
    Instant start = input.start(settings.posts());
    Span span = new Span(start, input.post(settings.posts() - 1, start).getPost().getCreatedAt());
    PipelineTopics topics =
        new PipelineTopics(
            new RestSchemaRegistryClient(RegistryConfig.of(registryUrl)), SerdeConfig.DEFAULT);
    long began = System.nanoTime();
    input.publish(bootstrap, topics.enrichedPosts(), settings.posts());
    System.out.printf(
        "input: %,d posts (the sample's %,d enriched posts replayed, %,d posts a day, %s) from %s"
            + " to %s, published to %s in %.1f s%n",
        settings.posts(),
        input.sampleSize(),
        perDay,
        AggregateBenchmark.FRESH_AUTHORS ? "fresh authors per replay" : "the sample's authors",
        span.start(),
        span.end(),
        Topics.POSTS_ENRICHED,
        (System.nanoTime() - began) / 1e9);
    return span;
  }

  /** Finds the cell's owner, checks every scenario once, then runs the rounds and reports. */
  private static void measure(
      HttpClient http, QueryInstances instances, Span span, Settings settings) throws Exception {
    Instant d0 = span.firstDay();
    String cell =
        "/api/v1/views/" + VIEW + "/cells/" + CELL + "?from=" + d0 + "&to=" + d0.plus(days(7));
    List<StreamAppRunner> pair = byOwner(http, instances.runners(), cell);
    if (d0.plus(days(7)).isAfter(span.end())) {
      System.out.printf(
          "NOTE: the input ends %s, before the 7 days from %s do: a smoke run, not a measurement%n",
          span.end(), d0);
    }
    List<Scenario> scenarios = scenarios(pair.get(0), pair.get(1), cell, span.middleDay());
    check(http, scenarios, pair.get(0));
    List<List<QueryLoad.Result>> results = new ArrayList<>();
    scenarios.forEach(s -> results.add(new ArrayList<>()));
    Duration warmUp = Duration.ofSeconds(settings.warmUpSeconds());
    Duration timed = Duration.ofSeconds(settings.seconds());
    Phase load =
        WRK
            ? new WrkLoad(settings.threads(), warmUp, timed)
            : new QueryLoad(http, settings.threads(), warmUp, timed)::run;
    for (int round = 1; round <= settings.rounds(); round++) {
      for (int i = 0; i < scenarios.size(); i++) {
        // when each phase starts, to match a profile's samples to their scenario
        System.out.printf("%s: round %d, %d. starts%n", Instant.now(), round, i + 1);
        QueryLoad.Result r = load.run(scenarios.get(i).uri());
        results.get(i).add(r);
        System.out.println(QueryReport.line(round, i + 1, scenarios.get(i).name(), r));
      }
    }
    List<StreamAppRunner> after = byOwner(http, instances.runners(), cell);
    QueryReport.print(
        settings, scenarios, results, after.get(0) == pair.get(0) ? null : after.get(0).baseUrl());
  }

  /**
   * The instances, the owner of the cell first: the one its answer names (the first instance asks
   * the owner when it is not the owner itself).
   */
  private static List<StreamAppRunner> byOwner(
      HttpClient http, List<StreamAppRunner> runners, String cell) throws Exception {
    String owner = answer(http, runners.get(0).baseUrl() + cell).path("instances").path(0).asText();
    for (int i = 0; i < 2; i++) {
      if (URI.create(runners.get(i).baseUrl()).getAuthority().equals(owner)) {
        return List.of(runners.get(i), runners.get(1 - i));
      }
    }
    throw new IllegalStateException(cell + " is answered by " + owner + ", neither instance");
  }

  /** The scenarios, in the order each round runs them; A owns the cell, B does not. */
  private static List<Scenario> scenarios(
      StreamAppRunner a, StreamAppRunner b, String cell, Instant day) {
    String allCells = "/api/v1/views/" + VIEW + "/cells?from=" + day + "&to=" + day.plus(days(1));
    System.out.printf(
        "cell %s/%s is owned by %s (A); the other instance is %s (B)%n",
        VIEW, CELL, a.baseUrl(), b.baseUrl());
    return List.of(
        new Scenario("GET /health on A (the HTTP floor)", URI.create(a.baseUrl() + "/health")),
        new Scenario("one cell, 7 days, default interval, on A", URI.create(a.baseUrl() + cell)),
        new Scenario(
            "one cell, 7 days, interval=1h, on A", URI.create(a.baseUrl() + cell + "&interval=1h")),
        new Scenario("one cell, 7 days, forwarded B -> A", URI.create(b.baseUrl() + cell)),
        new Scenario("all cells, 1 day, on A, fan-out A+B", URI.create(a.baseUrl() + allCells)));
  }

  /**
   * Asks every scenario once: each must answer 200, one cell with the owner named, all cells from
   * both instances. Prints what each answer holds.
   */
  private static void check(HttpClient http, List<Scenario> scenarios, StreamAppRunner a)
      throws Exception {
    String owner = URI.create(a.baseUrl()).getAuthority();
    for (int i = 1; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      JsonNode body = answer(http, s.uri().toString());
      JsonNode named = body.path("instances");
      JsonNode result = body.path("result");
      String holds =
          result.isArray()
              ? String.format("%d cells of %d", result.size(), body.path("total_cells").asInt())
              : String.format(
                  "%,d posts in %d windows",
                  result.path("totals").path("posts").asLong(), result.path("windows").size());
      System.out.printf(
          "  %d. %s: interval %s, %s, answered by %s; %s%n",
          i + 1, s.name(), body.path("interval").asText(), holds, named, s.uri());
      boolean fanOut = result.isArray();
      if (fanOut ? named.size() != 2 : !owner.equals(named.path(0).asText())) {
        throw new IllegalStateException(s.name() + " answered by " + named + ", not as expected");
      }
      if (!fanOut && result.path("totals").path("posts").asLong() == 0) {
        throw new IllegalStateException(
            "cell " + CELL + " has no posts in the range: pick another (-Dbench.query.cell)");
      }
    }
  }

  /** The JSON body of a 200 answer to {@code GET url}; anything else fails the benchmark. */
  static JsonNode answer(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(QueryLoad.REQUEST_TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }

  private QueryBenchmark() {}
}
