package dev.earshot.bench;

import dev.earshot.avro.RawPost;
import dev.earshot.enrich.EnrichTopology;
import dev.earshot.enrich.EnrichedPostCounter;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.labels.SentimentMode;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.Metrics;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.StreamsService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One end-to-end run, in a JVM of its own: builds an enricher ({@code model} = the default path, or
 * {@code rntn}), warms it up, runs the enrich topology with one stream thread over the whole input
 * topic and prints {@code RESULT <posts/s> <heap MB after GC>} on stdout.
 *
 * <p>Its own JVM, because the heap after GC of a JVM that holds nothing but the enricher is the
 * enricher's heap, and so that one run's JIT and garbage do not weigh on the next.
 *
 * <p>Arguments: bootstrap servers, registry URL, input topic, application id, path, state dir.
 */
public final class EnrichRun {
  static final String RESULT = ChildJvm.RESULT;

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    PipelineTopics topics =
        new PipelineTopics(
            new RestSchemaRegistryClient(RegistryConfig.of(args[1])), SerdeConfig.DEFAULT);
    String input = args[2];
    String applicationId = args[3];
    SentimentMode mode = SentimentMode.parse(args[4]);
    Path stateDir = Path.of(args[5]);

    List<RawPost> sample = BenchPosts.load();
    // The service's configuration (enrich.properties, EARSHOT_* overrides), read as the service
    // reads it; the labeller without the per-post time budget: a slow post is timed, not refused.
    ServiceConfig config = ServiceConfig.load("enrich", null, System.getenv(), Map.of());
    Labeller enricher =
        Labeller.create(
            LabellerSettings.from(key -> config.get(key, null))
                .withSentiment(mode)
                .withMaxTimePerPost(Duration.ZERO));
    // Load the models and JIT-compile the enricher before anything is timed: the run measures
    // the pipeline, not the warm-up.
    int warmUp = mode == SentimentMode.RNTN ? 20 : 3 * sample.size();
    for (int i = 0; i < warmUp; i++) {
      enricher.enrich(sample.get(i % sample.size()));
    }
    double postsPerSecond =
        run(config, bootstrap, topics, input, applicationId, enricher, stateDir);
    System.gc();
    long heapMb =
        java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
            >> 20;
    System.out.printf(java.util.Locale.ROOT, "%s %.2f %d%n", RESULT, postsPerSecond, heapMb);
    System.exit(0); // Kafka and CoreNLP leave non-daemon threads behind
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String input) throws Exception {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    int partitions =
        admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions().size();
    for (int p = 0; p < partitions; p++) {
      ends.put(new TopicPartition(input, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> endOffsets = new HashMap<>();
    admin.listOffsets(ends).all().get().forEach((tp, info) -> endOffsets.put(tp, info.offset()));
    return endOffsets;
  }

  /** Waits until the group has committed every input offset (the whole topic is enriched). */
  private static void awaitCommitted(
      Admin admin, KafkaStreams streams, String applicationId, Map<TopicPartition, Long> ends)
      throws Exception {
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      boolean done =
          ends.entrySet().stream()
              .allMatch(
                  e ->
                      committed.get(e.getKey()) != null
                          && committed.get(e.getKey()).offset() >= e.getValue());
      if (done) {
        return;
      }
      if (streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException(applicationId + " failed");
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  /** Runs the enrich topology over the whole input topic; returns posts per second. */
  private static double run(
      ServiceConfig config,
      String bootstrap,
      PipelineTopics topics,
      String input,
      String applicationId,
      Labeller enricher,
      Path dir)
      throws Exception {
    TopicWithSerdes<String, RawPost> in =
        new TopicWithSerdes<>(input, topics.rawPosts().keySerde(), topics.rawPosts().valueSerde());
    // The service's own Streams settings (enrich.properties, EARSHOT_KAFKA_* overrides, the
    // dead-letter handlers), so the benchmark measures what a deployment runs.
    PrometheusMeterRegistry metrics = Metrics.newRegistry("enrich");
    Properties props = StreamsService.properties(config, Stage.ENRICH, metrics);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
    EnrichedPostCounter counter = new EnrichedPostCounter(metrics);
    long total;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<TopicPartition, Long> endOffsets = endOffsets(admin, input);
      total = endOffsets.values().stream().mapToLong(Long::longValue).sum();
      KafkaStreams streams =
          new KafkaStreams(
              EnrichTopology.build(
                  in,
                  topics.enrichedPosts(),
                  // counted as the service counts, so the run includes the metric's cost
                  post -> counter.count(enricher.enrich(post)),
                  Duration.parse(config.get("enrich.dedupe.retention")),
                  () -> {}),
              props);
      try {
        streams.start();
        while (streams.state() != KafkaStreams.State.RUNNING) {
          TimeUnit.MILLISECONDS.sleep(10);
        }
        long start = System.nanoTime();
        awaitCommitted(admin, streams, applicationId, endOffsets);
        return total / ((System.nanoTime() - start) / 1e9);
      } finally {
        streams.close(Duration.ofSeconds(30));
      }
    }
  }

  private EnrichRun() {}
}
