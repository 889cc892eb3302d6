package dev.earshot.bench;

import dev.earshot.avro.RawPost;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.KafkaBroker;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.SchemaRegistryProcess;
import dev.earshot.ingest.PostPublisher;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.TopicSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * End to end through Kafka: the enrich topology (dedupe, enrich, Avro in and out through a real
 * schema registry, exactly-once) with one stream thread on a real broker, default sentiment path
 * against the RNTN path, alternating, several runs each; prints posts/s per run and the medians.
 * Each run is an {@link EnrichRun} in a JVM of its own with the enricher's heap budget, which also
 * measures the heap one enricher needs.
 *
 * <p>Timing starts when the app is RUNNING and ends when its committed offsets reach the end of the
 * input: start-up and rebalancing are left out, commits and transactions are in.
 */
public final class EndToEndBenchmark {
  private static final int PARTITIONS = 4;

  /** The enricher's heap limit: the budget is 1.5 GB per enricher. */
  static final String CHILD_HEAP = "1536m";

  /** A run that takes longer is stuck: a finished one, RNTN included, takes about a minute. */
  static final long CHILD_TIMEOUT_MINUTES = 5;

  public static void main(String[] args) throws Exception {
    int socialPosts = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    int rntnPosts = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    // Fewer RNTN runs, or none (0), make the benchmark shorter.
    int rntnRuns = args.length > 3 ? Integer.parseInt(args[3]) : runs;
    Path dir = Files.createTempDirectory("earshot-bench");
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
        SchemaRegistryProcess registry =
            SchemaRegistryProcess.start(
                ApicurioDistribution.locate(), dir.resolve("registry"), Ports.free())) {
      PipelineTopics topics =
          new PipelineTopics(
              new RestSchemaRegistryClient(RegistryConfig.of(registry.url())), SerdeConfig.DEFAULT);
      Map<String, String> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
      List<RawPost> sample = BenchPosts.load();
      String socialIn = "bench.posts.social";
      String rntnIn = "bench.posts.rntn";
      createTopics(kafka, socialIn, rntnIn);
      publish(kafka, topics, socialIn, sample, socialPosts);
      publish(kafka, topics, rntnIn, sample, rntnPosts);

      List<Double> model = new ArrayList<>();
      List<Double> rntn = new ArrayList<>();
      List<Long> modelHeap = new ArrayList<>();
      List<Long> rntnHeap = new ArrayList<>();
      // Each run in a JVM of its own (EnrichRun), alternating the two paths, so that both see the
      // same machine conditions; each with a fresh consumer group reading from the start.
      for (int run = 1; run <= runs; run++) {
        if (run <= rntnRuns) {
          double[] r = child(broker, registry, rntnIn, "bench-rntn-" + run, "rntn", dir);
          rntn.add(r[0]);
          rntnHeap.add((long) r[1]);
          System.out.printf(
              "run %d RNTN baseline: %.1f posts/s, heap %d MB%n", run, r[0], (long) r[1]);
        }
        double[] m = child(broker, registry, socialIn, "bench-model-" + run, "model", dir);
        model.add(m[0]);
        modelHeap.add((long) m[1]);
        System.out.printf(
            "run %d default path: %.0f posts/s, heap %d MB%n", run, m[0], (long) m[1]);
      }
      report(runs, socialPosts, rntnPosts, model, rntn, modelHeap, rntnHeap);
    }
  }

  private static void createTopics(Map<String, String> kafka, String... inputs) throws Exception {
    try (Admin admin = Admin.create(new HashMap<>(kafka))) {
      TopicSetup.ensure(admin, PARTITIONS, (short) 1);
      List<NewTopic> topics = new ArrayList<>();
      for (String input : inputs) {
        topics.add(TopicSetup.postTopic(input, PARTITIONS, (short) 1));
      }
      admin.createTopics(topics).all().get();
    }
  }

  private static void report(
      int runs,
      int socialPosts,
      int rntnPosts,
      List<Double> model,
      List<Double> rntn,
      List<Long> modelHeap,
      List<Long> rntnHeap) {
    double s = JmhSummary.median(model);
    double r = rntn.isEmpty() ? Double.NaN : JmhSummary.median(rntn);
    System.out.printf(
        "%nEnd to end through Kafka, 1 stream thread, enrich.properties defaults, %d runs,"
            + " each in its own JVM (-Xmx%s):%n"
            + "  default path   median %.0f posts/s  (%d posts per run)  runs %s%n"
            + "  RNTN baseline  median %.1f posts/s  (%d posts per run)  runs %s%n"
            + "  ratio of medians %.0fx%n"
            + "Heap in use after GC in the enricher's JVM: default path max %d MB,"
            + " RNTN path max %d MB%n",
        runs,
        CHILD_HEAP,
        s,
        socialPosts,
        model,
        r,
        rntnPosts,
        rntn,
        s / r,
        modelHeap.stream().mapToLong(Long::longValue).max().orElse(0),
        rntnHeap.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  /** Runs {@link EnrichRun} in a new JVM; returns its posts/s and heap MB. */
  private static double[] child(
      KafkaBroker broker,
      SchemaRegistryProcess registry,
      String input,
      String applicationId,
      String path,
      Path dir)
      throws Exception {
    // The child's log goes to a file of its own; only its RESULT line is read here.
    String[] result =
        ChildJvm.run(
            EnrichRun.class,
            CHILD_HEAP,
            List.of(
                broker.bootstrapServers(),
                registry.url(),
                input,
                applicationId,
                path,
                dir.resolve("streams-" + applicationId).toString()),
            dir.resolve(applicationId + ".log"),
            CHILD_TIMEOUT_MINUTES);
    return new double[] {Double.parseDouble(result[0]), Double.parseDouble(result[1])};
  }

  private static void publish(
      Map<String, String> kafka,
      PipelineTopics topics,
      String topic,
      List<RawPost> sample,
      int count) {
    TopicWithSerdes<String, RawPost> target =
        new TopicWithSerdes<>(topic, topics.rawPosts().keySerde(), topics.rawPosts().valueSerde());
    try (PostPublisher publisher = new PostPublisher(kafka, target, new SimpleMeterRegistry())) {
      for (int i = 0; i < count; i++) {
        RawPost post = RawPost.newBuilder(sample.get(i % sample.size())).build();
        post.setId(post.getId() + "-" + i); // unique keys: dedupe must not drop them
        publisher.publish(post);
      }
      publisher.flush();
    }
  }

  private EndToEndBenchmark() {}
}
