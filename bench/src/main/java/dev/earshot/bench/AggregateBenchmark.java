package dev.earshot.bench;

import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.WindowSpec;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.KafkaBroker;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.SchemaRegistryProcess;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.schemas.views.View;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.TopicSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;

/**
 * The aggregate stage through Kafka (issue 10's target): the whole aggregate topology (every view,
 * every window size, exactly-once) with one stream thread, against a bare windowed {@code count()}
 * on the same broker, input and settings. Alternates baseline and aggregate runs, each in a JVM of
 * its own ({@link AggregateRun}) with a fixed heap, a fresh application id and a fresh state dir;
 * prints posts/s per run, the store updates per post the input costs, and the medians and ratios
 * the target asks for.
 *
 * <p>The input is {@link AggregateInput}: the bundled sample enriched once by the real labeller,
 * replayed back to back with fresh ids and dates that move on, on posts.enriched (4 partitions).
 * Each run's JVM first drains a warm-up topic with an app of its own, untimed. Timing starts when
 * the measured app is RUNNING and ends when its committed offsets reach the end of the input (and,
 * for aggregate, of its repartition topic), so commits and transactions are in. The store writes
 * each run really made are read back from its changelogs, against the updates the input implies.
 *
 * <p>Arguments: posts per run (200,000), runs of each (2). System properties: {@code
 * bench.child.heap} (1g), the children's heap; {@code bench.posts.per.day} (20000000), how fast the
 * input's event time advances; {@code bench.fresh.authors} (true), new authors per replay; {@code
 * bench.warmup.posts} (20000), the warm-up topic's posts (0: no warm-up).
 */
public final class AggregateBenchmark {
  private static final int PARTITIONS = 4;

  static final String CHILD_HEAP = System.getProperty("bench.child.heap", "1g");

  /**
   * How fast the input's event time advances. Dense enough that every post reaches every window
   * size of its cells before the grace of 1-minute windows (10 minutes) runs out: at a million a
   * day, the scale for stores, the input partitions drift far enough apart in event time
   * during a replay at full speed that 13% of the store updates (40% of the 1-minute ones) were
   * skipped as late in a 20,000-post run, and the benchmark would time less work than the input
   * implies.
   */
  static final long POSTS_PER_DAY = Long.getLong("bench.posts.per.day", 20_000_000);

  /** Posts of the warm-up topic, which each run's JVM reads with an app of its own first. */
  static final int WARM_UP_POSTS = Integer.getInteger("bench.warmup.posts", 20_000);

  static final String WARM_UP_TOPIC = "bench.posts.enriched.warmup";

  /** Whether each replay of the sample has authors of its own (see {@link AggregateInput}). */
  static final boolean FRESH_AUTHORS =
      Boolean.parseBoolean(System.getProperty("bench.fresh.authors", "true"));

  /** A run that takes longer is stuck. */
  static final long CHILD_TIMEOUT_MINUTES = 15;

  static final double TARGET_POSTS_PER_SECOND = 20_000;

  /** Aggregate's store updates/s against the baseline's records/s. */
  static final double TARGET_RATIO = 0.5;

  /** One run's figures, as {@link AggregateRun} prints them. */
  record Run(
      double postsPerSecond,
      double seconds,
      long changelogEnds,
      int changelogPartitions,
      long repartitionEnds,
      int repartitionPartitions,
      long deadLetters,
      long commits,
      double commitShare,
      double punctuateShare,
      double bytesPerWrite,
      long heapMb) {
    static Run parse(String[] f) {
      return new Run(
          Double.parseDouble(f[0]),
          Double.parseDouble(f[1]),
          Long.parseLong(f[2]),
          Integer.parseInt(f[3]),
          Long.parseLong(f[4]),
          Integer.parseInt(f[5]),
          Long.parseLong(f[6]),
          Long.parseLong(f[7]),
          Double.parseDouble(f[8]),
          Double.parseDouble(f[9]),
          Double.parseDouble(f[10]),
          Long.parseLong(f[11]));
    }

    /**
     * Records written, at least: end offsets count a transaction marker as an entry, and each
     * commit adds at most one to every partition.
     */
    static long atLeast(long ends, long commits, int partitions) {
      return Math.max(0, ends - commits * partitions);
    }

    String writesPerPost(int posts) {
      return String.format(
          "%.2f to %.2f",
          (double) atLeast(changelogEnds, commits, changelogPartitions) / posts,
          (double) changelogEnds / posts);
    }

    /** One run's line; a baseline's store updates per post are 1 (one window per record). */
    String describe(int posts, double updatesPerPost) {
      String line =
          String.format(
              "%,.0f posts/s (%.1f s), cell updates/s %,.0f; per post: changelog writes %s",
              postsPerSecond, seconds, postsPerSecond * updatesPerPost, writesPerPost(posts));
      line +=
          String.format(
              " of %,.0f bytes each (%,.1f KB of changelog per post; a window is written once per commit)",
              bytesPerWrite, bytesPerWrite * changelogEnds / posts / 1024);
      if (repartitionPartitions > 0) {
        line += ", repartition records " + repartitionPerPost(posts);
      }
      return line
          + String.format(
              "; %d commits, %.0f%% of the time in commits, %.0f%% in punctuations;"
                  + " dead letters %d; heap %d MB",
              commits, 100 * commitShare, 100 * punctuateShare, deadLetters, heapMb);
    }

    String repartitionPerPost(int posts) {
      return String.format(
          "%.3f to %.3f",
          (double) atLeast(repartitionEnds, commits, repartitionPartitions) / posts,
          (double) repartitionEnds / posts);
    }
  }

  public static void main(String[] args) throws Exception {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path dir = Files.createTempDirectory("earshot-bench-aggregate");
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
        SchemaRegistryProcess registry =
            SchemaRegistryProcess.start(
                ApicurioDistribution.locate(), dir.resolve("registry"), Ports.free())) {
      ServiceConfig config = ServiceConfig.load("aggregate", null, System.getenv(), Map.of());
      AggregateInput.Cost cost = publish(broker.bootstrapServers(), registry.url(), posts, config);
      List<Run> baseline = new ArrayList<>();
      List<Run> aggregate = new ArrayList<>();
      // Alternating, so that both see the same machine conditions; each with a fresh consumer
      // group reading from the start and a fresh state dir.
      for (int run = 1; run <= runs; run++) {
        Run b = child(broker, registry, "baseline", run, dir);
        baseline.add(b);
        System.out.printf("run %d baseline:  %s%n", run, b.describe(posts, 1));
        Run a = child(broker, registry, "aggregate", run, dir);
        aggregate.add(a);
        System.out.printf(
            "run %d aggregate: %s%n", run, a.describe(posts, cost.storeUpdatesPerPost()));
      }
      report(config, posts, runs, cost, baseline, aggregate);
    }
  }

  /**
   * Creates the topics, enriches the sample, publishes the input and the warm-up posts; returns
   * what the input costs aggregate.
   */
  private static AggregateInput.Cost publish(
      String bootstrap, String registryUrl, int posts, ServiceConfig config) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      // posts.enriched (LogAppendTime), aggregate.dlq, alerts and the views' output topics.
      TopicSetup.ensure(admin, PARTITIONS, (short) 1);
      admin
          .createTopics(List.of(TopicSetup.postTopic(WARM_UP_TOPIC, PARTITIONS, (short) 1)))
          .all()
          .get();
    }
    PipelineTopics topics =
        new PipelineTopics(
            new RestSchemaRegistryClient(RegistryConfig.of(registryUrl)), SerdeConfig.DEFAULT);
    ViewSettings settings = ViewSettings.read(config::get);
    AggregateInput input = AggregateInput.enrichSample(POSTS_PER_DAY, FRESH_AUTHORS);
    AggregateInput.Cost cost = input.cost(posts, settings);
    describe(input, posts, settings, cost);
    long started = System.nanoTime();
    input.publish(bootstrap, topics.enrichedPosts(), posts);
    System.out.printf(
        "published %,d posts to %s in %.1f s%n",
        posts, Topics.POSTS_ENRICHED, (System.nanoTime() - started) / 1e9);
    if (WARM_UP_POSTS > 0) {
      input.publish(
          bootstrap,
          new TopicWithSerdes<>(
              WARM_UP_TOPIC,
              topics.enrichedPosts().keySerde(),
              topics.enrichedPosts().valueSerde()),
          WARM_UP_POSTS);
    }
    return cost;
  }

  private static void describe(
      AggregateInput input, int posts, ViewSettings settings, AggregateInput.Cost cost) {
    System.out.printf(
        "input: %,d posts = the sample's %,d enriched posts replayed %d times back to back, each"
            + " replay %.0f s of event time (%,d posts a day, the sample's days %.0fx compressed),"
            + " %s, from %s%n",
        posts,
        input.sampleSize(),
        input.replays(posts),
        input.replaySpan().toMillis() / 1e3,
        POSTS_PER_DAY,
        input.compression(),
        FRESH_AUTHORS ? "fresh authors per replay" : "the sample's authors",
        input.start(posts));
    System.out.printf(
        "store updates per post %.3f (cells x window sizes, summed over views),"
            + " repartition records per post %.3f%n",
        cost.storeUpdatesPerPost(), cost.repartitionPerPost());
    for (View view : View.values()) {
      List<String> sizes =
          settings.of(view).stream().map(WindowSpec::size).map(Object::toString).toList();
      System.out.printf(
          "  %-17s sizes %-10s store updates per post %.3f%n",
          view.id(), String.join(",", sizes), cost.perView().get(view));
    }
  }

  private static Run child(
      KafkaBroker broker, SchemaRegistryProcess registry, String mode, int run, Path dir)
      throws Exception {
    String applicationId = "bench-" + mode + "-" + run;
    String[] result =
        ChildJvm.run(
            AggregateRun.class,
            CHILD_HEAP,
            List.of(
                broker.bootstrapServers(),
                registry.url(),
                Topics.POSTS_ENRICHED,
                WARM_UP_POSTS > 0 ? WARM_UP_TOPIC : AggregateRun.NO_WARM_UP,
                applicationId,
                mode,
                dir.resolve("streams").toString()),
            dir.resolve(applicationId + ".log"),
            CHILD_TIMEOUT_MINUTES);
    // The changelogs hold every store write with its sketches (64 KB a post in a smoke run): gone
    // once counted, so that a run's disk is freed before the next one writes as much again.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      List<String> internal =
          admin.listTopics().names().get().stream()
              .filter(topic -> topic.startsWith(applicationId + "-"))
              .toList();
      admin.deleteTopics(internal).all().get();
    }
    return Run.parse(result);
  }

  private static void report(
      ServiceConfig config,
      int posts,
      int runs,
      AggregateInput.Cost cost,
      List<Run> baseline,
      List<Run> aggregate) {
    double b = median(baseline, Run::postsPerSecond);
    double a = median(aggregate, Run::postsPerSecond);
    double updates = a * cost.storeUpdatesPerPost();
    System.out.printf(
        "%nAggregate through Kafka, 1 stream thread, aggregate.properties (%s, commit.interval.ms"
            + " %s), %,d posts per run, %d runs each, alternating, each in its own JVM (-Xmx%s):%n"
            + "  baseline (windowed count, 1h)  median %,.0f records/s     runs %s%n"
            + "  aggregate (every view)         median %,.0f posts/s       runs %s%n"
            + "  aggregate store updates        median %,.0f updates/s"
            + "  (posts/s x %.3f store updates per post)%n"
            + "Targets:%n"
            + "  aggregate posts/s against 20,000:                       %.2fx (>= 1.00: %s)%n"
            + "  aggregate store updates/s / baseline records/s:         %.2f  (>= %.2f: %s)%n",
        config.get("kafka.processing.guarantee", "?"),
        config.get("kafka.commit.interval.ms", "default"),
        posts,
        runs,
        CHILD_HEAP,
        b,
        rates(baseline),
        a,
        rates(aggregate),
        updates,
        cost.storeUpdatesPerPost(),
        a / TARGET_POSTS_PER_SECOND,
        a >= TARGET_POSTS_PER_SECOND ? "met" : "NOT met",
        updates / b,
        TARGET_RATIO,
        updates / b >= TARGET_RATIO ? "met" : "NOT met");
    double perPost = median(aggregate, r -> r.bytesPerWrite() * r.changelogEnds() / posts);
    System.out.printf(
        "  aggregate changelog bytes: %,.0f per store write, %,.0f KB per post; at %,.0f posts/s,"
            + " %,.0f MB/s into the changelogs%n",
        median(aggregate, Run::bytesPerWrite),
        perPost / 1024,
        TARGET_POSTS_PER_SECOND,
        perPost * TARGET_POSTS_PER_SECOND / (1 << 20));
    warnIfSkipped(posts, cost, aggregate);
  }

  /**
   * Any dead letter means a post missed every window size (stream time ran ahead on the repartition
   * topic): aggregate then did less work than the cell updates per post assume. Changelog writes
   * cannot tell, since aggregate writes a window once per commit however many posts it counted.
   */
  private static void warnIfSkipped(int posts, AggregateInput.Cost cost, List<Run> aggregate) {
    long dead = aggregate.stream().mapToLong(Run::deadLetters).sum();
    if (dead > 0) {
      System.out.printf(
          "NOTE: %d of %d posts were dead-lettered as late: aggregate did less work than %.2f cell"
              + " updates per post. A denser stream (-Dbench.posts.per.day) keeps the partitions'"
              + " event times closer together.%n",
          dead, posts * aggregate.size(), cost.storeUpdatesPerPost());
    }
  }

  private static List<Long> rates(List<Run> runs) {
    return runs.stream().map(r -> Math.round(r.postsPerSecond())).toList();
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    return JmhSummary.median(runs.stream().map(value::applyAsDouble).toList());
  }

  private AggregateBenchmark() {}
}
