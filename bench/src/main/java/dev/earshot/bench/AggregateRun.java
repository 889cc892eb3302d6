package dev.earshot.bench;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.ViewSerdes;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.ViewStores;
import dev.earshot.aggregate.WindowSpec;
import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.View;
import dev.earshot.service.CreatedAtTimestampExtractor;
import dev.earshot.service.Metrics;
import dev.earshot.service.Registry;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.StreamsService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * One aggregate benchmark run, in a JVM of its own: the real aggregate topology ({@code aggregate})
 * or the baseline ({@code baseline}: the same input through one windowed {@code count()}), with the
 * aggregate service's configuration (aggregate.properties, EARSHOT_* overrides: exactly-once,
 * commit interval, caching) and one stream thread, over the whole input topic, after a warm-up app
 * over a topic of its own. Prints {@code RESULT <posts/s> <seconds> <changelog end offsets>
 * <changelog partitions> <repartition end offsets> <repartition partitions> <dead letters>
 * <commits> <share of the time in commits> <share in punctuations> <bytes per changelog record>
 * <heap MB after GC>} on stdout.
 *
 * <p>The run ends when the app has committed the whole input, and for aggregate also the whole
 * repartition topic: every post is then counted in every store, and the counts are committed.
 *
 * <p>Arguments: bootstrap servers, registry URL, input topic, warm-up topic ({@code -}: none),
 * application id, mode, state dir.
 */
public final class AggregateRun {
  /** The baseline's store, operators and window size. */
  static final String BASELINE_STORE = "baseline-count-1h";

  static final Duration BASELINE_WINDOW = Duration.ofHours(1);

  /** The warm-up topic argument that means: no warm-up. */
  static final String NO_WARM_UP = "-";

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String input = args[2];
    String warmUp = args[3];
    String applicationId = args[4];
    boolean aggregate =
        switch (args[5]) {
          case "aggregate" -> true;
          case "baseline" -> false;
          default -> throw new IllegalArgumentException("mode must be aggregate or baseline");
        };
    Path stateDir = Path.of(args[6]);
    ServiceConfig config =
        ServiceConfig.load(
            "aggregate",
            null,
            System.getenv(),
            Map.of(
                "schema.registry.url",
                args[1],
                ServiceConfig.KAFKA_PREFIX + StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap));
    PipelineTopics topics = Registry.topics(config);
    ViewSettings settings = ViewSettings.read(config::get);
    Function<String, Topology> topology =
        topic -> {
          TopicWithSerdes<String, EnrichedPost> in =
              new TopicWithSerdes<>(
                  topic, topics.enrichedPosts().keySerde(), topics.enrichedPosts().valueSerde());
          return aggregate ? aggregate(topics, in, settings, config) : baseline(in, settings);
        };
    String result;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      // JIT, RocksDB and the registry's caches warmed up by an app of its own, on posts of its
      // own, before anything is timed: the run measures the topology, not the warm-up.
      if (!warmUp.equals(NO_WARM_UP)) {
        String id = applicationId + "-warmup";
        Properties props = props(config, id, stateDir.resolve(id));
        drain(admin, id, warmUp, topology.apply(warmUp), props, aggregate);
      }
      Properties props = props(config, applicationId, stateDir.resolve(applicationId));
      result =
          measure(admin, applicationId, input, topology.apply(input), props, settings, aggregate);
    }
    System.gc();
    long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    System.out.printf(Locale.ROOT, "%s %s %d%n", ChildJvm.RESULT, result, heapMb);
    System.exit(0); // Kafka leaves non-daemon threads behind
  }

  /** The aggregate service's Streams settings, with one stream thread. */
  private static Properties props(ServiceConfig config, String applicationId, Path stateDir) {
    PrometheusMeterRegistry metrics = Metrics.newRegistry("aggregate");
    Properties props = StreamsService.properties(config, Stage.AGGREGATE, metrics);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return props;
  }

  /** The aggregate topology as {@code AggregateService} builds it. */
  static Topology aggregate(
      PipelineTopics topics,
      TopicWithSerdes<String, EnrichedPost> in,
      ViewSettings settings,
      ServiceConfig config) {
    return AggregateTopology.build(
        in, ViewSerdes.of(topics), settings, AlertSettings.read(config::get, settings::sizes));
  }

  /**
   * The same input, read the same way (Avro through the registry, event time from created_at), into
   * one windowed count keyed by post: 1-hour windows with the aggregate's grace for 1-hour windows
   * (or its first size's), Kafka Streams' own store and caching.
   */
  static Topology baseline(TopicWithSerdes<String, EnrichedPost> in, ViewSettings settings) {
    Duration grace = settings.of(View.values()[0]).get(0).grace();
    for (WindowSpec spec : settings.of(View.values()[0])) {
      if (spec.size().duration().equals(BASELINE_WINDOW)) {
        grace = spec.grace();
      }
    }
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            in.name(),
            Consumed.with(in.keySerde(), in.valueSerde())
                .withTimestampExtractor(new CreatedAtTimestampExtractor())
                .withName("baseline-source"))
        .groupByKey(Grouped.with("baseline-group", in.keySerde(), in.valueSerde()))
        .windowedBy(TimeWindows.ofSizeAndGrace(BASELINE_WINDOW, grace))
        .count(
            Named.as("baseline-count"),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(BASELINE_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()));
    return builder.build();
  }

  /** The changelog topics of the stores that count posts, where every store write lands. */
  static List<String> changelogs(String applicationId, boolean aggregate, ViewSettings settings) {
    List<String> topics = new ArrayList<>();
    if (!aggregate) {
      topics.add(applicationId + "-" + BASELINE_STORE + "-changelog");
      return topics;
    }
    for (View view : View.values()) {
      for (WindowSpec spec : settings.of(view)) {
        topics.add(applicationId + "-" + ViewStores.windows(view, spec.size()) + "-changelog");
      }
    }
    return topics;
  }

  static String repartition(String applicationId) {
    return applicationId + "-" + AggregateTopology.GROUP + "-repartition";
  }

  /** Runs the topology over the whole input; returns the RESULT fields but the heap. */
  private static String measure(
      Admin admin,
      String applicationId,
      String input,
      Topology topology,
      Properties props,
      ViewSettings settings,
      boolean aggregate)
      throws Exception {
    Offsets offsets = new Offsets(admin, applicationId);
    long total = Offsets.sum(offsets.ends(List.of(input)));
    long deadBefore = Offsets.sum(offsets.ends(List.of(Topics.AGGREGATE_DLQ)));
    Drained run = drain(admin, applicationId, input, topology, props, aggregate);
    List<String> stores = changelogs(applicationId, aggregate, settings);
    Map<TopicPartition, Long> changelogs = offsets.ends(stores);
    double bytes = 0;
    double records = 0;
    for (String topic : stores) {
      double[] sent = run.sent().getOrDefault(topic, new double[2]);
      bytes += sent[0];
      records += sent[1];
    }
    Map<TopicPartition, Long> repartitioned =
        aggregate ? offsets.ends(List.of(repartition(applicationId))) : Map.of();
    long dead = Offsets.sum(offsets.ends(List.of(Topics.AGGREGATE_DLQ))) - deadBefore;
    return String.format(
        Locale.ROOT,
        "%.2f %.3f %d %d %d %d %d %d %.3f %.3f %.0f",
        total / run.seconds(),
        run.seconds(),
        Offsets.sum(changelogs),
        changelogs.size(),
        Offsets.sum(repartitioned),
        repartitioned.size(),
        dead,
        run.commits(),
        run.commitSeconds() / run.seconds(),
        run.punctuateSeconds() / run.seconds(),
        bytes / records);
  }

  /**
   * What the stream thread did in a run: its commits (transactions, under exactly-once: each adds
   * at most one marker to every partition it wrote, which end offsets count as if it were a record)
   * and about how long they and the punctuations (the views' updates) took.
   */
  private record Drained(
      double seconds,
      long commits,
      double commitSeconds,
      double punctuateSeconds,
      Map<String, double[]> sent) {}

  /**
   * Runs the topology until the app has committed its whole input, and for aggregate its whole
   * repartition topic; timed from RUNNING.
   */
  private static Drained drain(
      Admin admin,
      String applicationId,
      String input,
      Topology topology,
      Properties props,
      boolean aggregate)
      throws Exception {
    Offsets offsets = new Offsets(admin, applicationId);
    Map<TopicPartition, Long> ends = offsets.ends(List.of(input));
    KafkaStreams streams = new KafkaStreams(topology, props);
    Runnable check = () -> failIfDead(streams, applicationId);
    try {
      streams.start();
      while (streams.state() != KafkaStreams.State.RUNNING) {
        check.run();
        TimeUnit.MILLISECONDS.sleep(10);
      }
      long start = System.nanoTime();
      offsets.awaitCommitted(ends, 0, check);
      if (aggregate) {
        // Its input is read; now every cell must be counted. Under exactly-once the last entry of
        // each repartition partition is a transaction marker, which a commit may not pass.
        boolean exactlyOnce =
            props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG).toString().startsWith("exactly");
        offsets.awaitCommitted(
            offsets.ends(List.of(repartition(applicationId))), exactlyOnce ? 1 : 0, check);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long commits = Math.round(threadMetric(streams, "commit-total"));
      return new Drained(
          seconds,
          commits,
          commits * threadMetric(streams, "commit-latency-avg") / 1e3,
          threadMetric(streams, "punctuate-total")
              * threadMetric(streams, "punctuate-latency-avg")
              / 1e3,
          sent(streams));
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
  }

  /**
   * Per topic, the bytes and records the app's producer sent (a retried batch counts again in both,
   * so their ratio, bytes per record, stays right).
   */
  private static Map<String, double[]> sent(KafkaStreams streams) {
    Map<String, double[]> sent = new HashMap<>();
    streams
        .metrics()
        .forEach(
            (name, metric) -> {
              int field = List.of("byte-total", "record-send-total").indexOf(name.name());
              if (name.group().equals("producer-topic-metrics") && field >= 0) {
                sent.computeIfAbsent(name.tags().get("topic"), t -> new double[2])[field] +=
                    ((Number) metric.metricValue()).doubleValue();
              }
            });
    return sent;
  }

  /** A stream-thread metric (the one thread's); averages are Kafka's, over the last minute. */
  private static double threadMetric(KafkaStreams streams, String name) {
    return streams.metrics().entrySet().stream()
        .filter(e -> e.getKey().group().equals("stream-thread-metrics"))
        .filter(e -> e.getKey().name().equals(name))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .filter(v -> !Double.isNaN(v))
        .sum();
  }

  private static void failIfDead(KafkaStreams streams, String applicationId) {
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.ERROR
        || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING) {
      throw new IllegalStateException(applicationId + " failed: " + state);
    }
  }

  private AggregateRun() {}
}
