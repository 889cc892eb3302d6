package dev.earshot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.KafkaBroker;
import dev.earshot.deploy.LocalStack;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.SchemaRegistryProcess;
import dev.earshot.enrich.EnrichService;
import dev.earshot.ingest.IngestService;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.StreamAppRunner;
import dev.earshot.service.TopicSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;

/**
 * Freshness (issue 10): how soon a post is counted in a query answer, measured from its ingest
 * acknowledgement, at a sustained rate through the whole pipeline: ingest (HTTP, acks=all), enrich
 * and aggregate (exactly-once, shipped settings), one instance each, on a real broker and registry.
 *
 * <p>Posts are the bundled sample's, sent as JSON to ingest's HTTP API at a fixed rate with {@code
 * created_at} = now. Every {@code rate / tracers} th post is a <em>tracer</em>: the same sample
 * post each time, which falls into one audience x topic cell (C) that no other post sent falls into
 * (the labeller, run here on the sample, tells which posts to leave out). A poller asks aggregate
 * for C every 10 ms; tracer i is counted once C's posts reach i + 1 (tracers are 1/tracers s apart,
 * so they are counted in order; if one were overtaken, its time would be overstated, never
 * understated).
 *
 * <p>Two aggregate applications read the same posts side by side: the shipped settings, and the
 * baseline with {@code aggregate.query.refresh} equal to the updates interval (1 s), i.e. windows
 * written for queries only at commits and updates, as before the refresh existed. A read_committed
 * consumer of posts.enriched times the enrich stage for the same tracers.
 *
 * <p>A warm-up at the same rate comes first; its start (cold code, the first transactions) leaves a
 * backlog of a few seconds, so the timed phase starts once both applications have counted every
 * warm-up tracer: it measures the steady state. Each stage's median per 10 s of the timed phase
 * shows whether the pipeline kept up (flat) or fell behind (growing).
 *
 * <p>Arguments: posts/s (1,000), timed seconds (60), warm-up seconds (60), tracers/s (10).
 */
public final class FreshnessBenchmark {
  private static final int PARTITIONS = 3;
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration POLL = Duration.ofMillis(10);
  private static final Duration DRAIN = Duration.ofSeconds(60);
  static final String TRACER_ID = "fresh-tracer-";

  record Settings(int rate, int seconds, int warmUpSeconds, int tracersPerSecond) {
    static Settings parse(String[] args) {
      return new Settings(arg(args, 0, 1000), arg(args, 1, 60), arg(args, 2, 60), arg(args, 3, 10));
    }

    private static int arg(String[] args, int at, int fallback) {
      return args.length > at ? Integer.parseInt(args[at]) : fallback;
    }

    int total() {
      return rate * (seconds + warmUpSeconds);
    }

    int every() {
      return rate / tracersPerSecond;
    }

    int tracers() {
      return (total() + every() - 1) / every();
    }

    /** Tracers sent during the warm-up are not reported. */
    int firstMeasured() {
      return warmUpSeconds * tracersPerSecond;
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    FreshnessPosts posts = FreshnessPosts.fromSample();
    System.out.printf(
        "tracer cell %s (%s); %,d of the sample's posts are sent around it%n",
        posts.cell().encode(), posts.tracerText(), posts.background());
    Path dir = Files.createTempDirectory("earshot-bench-fresh");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
        SchemaRegistryProcess registry =
            SchemaRegistryProcess.start(
                ApicurioDistribution.locate(), dir.resolve("registry"), Ports.free());
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicSetup.ensure(admin, PARTITIONS, (short) 1);
      Map<String, String> common = new HashMap<>();
      common.put("kafka.bootstrap.servers", broker.bootstrapServers());
      common.put("schema.registry.url", registry.url());
      // One client sends every post: the per-client limit (500/s) would refuse most of them.
      common.put("http.rate.limit.per.second", "0");
      ServiceConfig shipped = config("aggregate", common, Map.of());
      String updates = shipped.get(ViewSettings.UPDATES_INTERVAL, null);
      try (IngestService ingest = IngestService.start(config("ingest", common, Map.of()));
          StreamAppRunner enrich =
              EnrichService.start(config("enrich", common, state(dir, "enrich")));
          StreamAppRunner fresh =
              AggregateService.start(config("aggregate", common, state(dir, "aggregate")));
          StreamAppRunner baseline =
              AggregateService.start(
                  config(
                      "aggregate",
                      common,
                      with(
                          state(dir, "baseline"),
                          "kafka.application.id",
                          "bench-fresh-baseline",
                          ViewSettings.QUERY_REFRESH,
                          updates)))) {
        QueryInstances.await(
            "enrich and both aggregates RUNNING",
            Duration.ofMinutes(3),
            () -> enrich.isRunning() && fresh.isRunning() && baseline.isRunning());
        QueryInstances.await(
            "ingest ready",
            Duration.ofMinutes(1),
            () -> QueryInstances.status(http, ingest.baseUrl() + "/ready") == 200);
        run(settings, posts, http, ingest.baseUrl(), broker.bootstrapServers(), fresh, baseline);
      }
    }
    LocalStack.wipe(dir);
  }

  private static void run(
      Settings settings,
      FreshnessPosts posts,
      HttpClient http,
      String ingest,
      String bootstrap,
      StreamAppRunner fresh,
      StreamAppRunner baseline)
      throws Exception {
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
    String cellPath =
        "/api/v1/views/"
            + posts.cell().view().id()
            + "/cells/"
            + String.join("/", posts.cell().labels())
            + "?from="
            + day.minus(Duration.ofDays(1))
            + "&to="
            + day.plus(Duration.ofDays(2))
            + "&interval=1d";
    AtomicBoolean polling = new AtomicBoolean(true);
    CountPoller freshCounts = new CountPoller(http, URI.create(fresh.baseUrl() + cellPath));
    CountPoller baselineCounts = new CountPoller(http, URI.create(baseline.baseUrl() + cellPath));
    EnrichedTracers enriched = new EnrichedTracers(bootstrap, settings.tracers());
    List<Thread> watchers =
        List.of(
            start("poll-fresh", () -> freshCounts.run(polling)),
            start("poll-baseline", () -> baselineCounts.run(polling)),
            start("enriched", () -> enriched.run(polling)));
    TracerSender sender =
        new TracerSender(http, URI.create(ingest + "/api/v1/posts"), posts, settings);
    int warmUp = settings.rate() * settings.warmUpSeconds();
    sender.run(0, warmUp);
    // The timed phase starts from a pipeline that has caught up with the warm-up, whose start
    // (cold code, the first transactions) leaves a backlog: it measures the steady state.
    awaitCounted(sender, freshCounts, baselineCounts);
    long began = System.nanoTime();
    sender.run(warmUp, settings.total());
    double seconds = (System.nanoTime() - began) / 1e9;
    awaitCounted(sender, freshCounts, baselineCounts);
    polling.set(false);
    for (Thread watcher : watchers) {
      watcher.join();
    }
    reportAll(settings, sender, seconds, enriched, freshCounts, baselineCounts);
  }

  /** Waits (at most {@code DRAIN}) until both applications counted every acknowledged tracer. */
  private static void awaitCounted(TracerSender sender, CountPoller... counts)
      throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (System.nanoTime() < deadline
        && Arrays.stream(counts).anyMatch(c -> c.latest() < sender.tracersAcked())) {
      Thread.sleep(100);
    }
  }

  private static void reportAll(
      Settings settings,
      TracerSender sender,
      double seconds,
      EnrichedTracers enriched,
      CountPoller freshCounts,
      CountPoller baselineCounts) {
    int timed = settings.rate() * settings.seconds();
    System.out.printf(
        "timed phase: %,d posts in %.1f s (%,.0f posts/s); of all %,d sent: %,d acknowledged"
            + " (202), %,d refused or failed; ack p50 %.1f ms, p99 %.1f ms%n",
        timed,
        seconds,
        timed / seconds,
        settings.total(),
        sender.acked(),
        sender.failed(),
        sender.ackMillis(50),
        sender.ackMillis(99));
    int first = settings.firstMeasured();
    System.out.printf(
        "tracers: %,d sent, %,d in the timed phase (the first %,d are warm-up)%n",
        settings.tracers(), settings.tracers() - first, first);
    int perTenSeconds = settings.tracersPerSecond() * 10;
    report("posts.enriched (enrich stage)", sender, first, perTenSeconds, enriched::seenAt);
    report(
        "counted, shipped settings",
        sender,
        first,
        perTenSeconds,
        i -> freshCounts.reachedAt(i + 1));
    report(
        "counted, baseline (refresh = updates interval)",
        sender,
        first,
        perTenSeconds,
        i -> baselineCounts.reachedAt(i + 1));
  }

  private static Thread start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.start();
    return thread;
  }

  /** Latency percentiles from each measured tracer's ack to when {@code seen} saw it. */
  private static void report(
      String what,
      TracerSender sender,
      int first,
      int perTenSeconds,
      java.util.function.IntToLongFunction seen) {
    List<Double> millis = new ArrayList<>();
    int missing = 0;
    for (int i = first; i < sender.tracersSent(); i++) {
      long ack = sender.tracerAck(i);
      long at = seen.applyAsLong(i);
      if (ack == 0) {
        continue; // not acknowledged: not a post the pipeline owes anyone
      }
      if (at == 0) {
        missing++;
        continue;
      }
      millis.add((at - ack) / 1e6);
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    // The medians of the first and last thirds of the timed phase: a pipeline that keeps up has
    // the same latency in both; one that falls behind, a growing one.
    int third = millis.size() / 3;
    System.out.printf(
        "%-48s n %,d, p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms, never seen %d;"
            + " p50 first third %.0f ms, last third %.0f ms%n",
        what,
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 99),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
        missing,
        median(millis.subList(0, third)),
        median(millis.subList(millis.size() - third, millis.size())));
    StringBuilder series = new StringBuilder("    p50 per 10 s of the timed phase, ms:");
    for (int from = 0; from < millis.size(); from += perTenSeconds) {
      series.append(
          String.format(
              " %.0f",
              median(millis.subList(from, Math.min(millis.size(), from + perTenSeconds)))));
    }
    System.out.println(series);
  }

  private static double median(List<Double> values) {
    return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 50);
  }

  /** Nearest rank. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static ServiceConfig config(
      String service, Map<String, String> common, Map<String, String> own) {
    Map<String, String> overrides = new HashMap<>(common);
    overrides.putAll(own);
    overrides.put("http.port", Integer.toString(Ports.free()));
    return ServiceConfig.load(service, null, System.getenv(), overrides);
  }

  private static Map<String, String> state(Path dir, String name) {
    return Map.of("kafka.state.dir", dir.resolve(name).toString());
  }

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> out = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }
}
