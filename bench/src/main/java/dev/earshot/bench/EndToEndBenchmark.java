package dev.earshot.bench;

import dev.earshot.avro.RawPost;
import dev.earshot.deploy.ApicurioDistribution;
import dev.earshot.deploy.KafkaBroker;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.SchemaRegistryProcess;
import dev.earshot.deploy.TopicSetup;
import dev.earshot.enrich.EnrichTopology;
import dev.earshot.enrich.Enricher;
import dev.earshot.enrich.nlp.TextAnalyzer;
import dev.earshot.enrich.sentiment.SentimentLexicon;
import dev.earshot.enrich.taxonomy.Taxonomy;
import dev.earshot.ingest.PostPublisher;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.ServiceConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * End to end through Kafka: the enrich topology (dedupe, enrich, Avro in and out through a real
 * schema registry, exactly-once) with one stream thread on a real broker, default sentiment path
 * against the RNTN path, alternating, several runs each; prints posts/s per run and the medians.
 *
 * <p>Timing starts when the app is RUNNING and ends when its committed offsets reach the end of the
 * input: start-up and rebalancing are left out, commits and transactions are in.
 */
public final class EndToEndBenchmark {
  private static final int PARTITIONS = 4;

  public static void main(String[] args) throws Exception {
    int socialPosts = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
    int rntnPosts = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
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
      try (Admin admin = Admin.create(new HashMap<>(kafka))) {
        TopicSetup.ensure(admin, PARTITIONS, (short) 1);
        admin
            .createTopics(
                List.of(
                    new NewTopic(socialIn, PARTITIONS, (short) 1),
                    new NewTopic(rntnIn, PARTITIONS, (short) 1)))
            .all()
            .get();
      }
      publish(kafka, topics, socialIn, sample, socialPosts);
      publish(kafka, topics, rntnIn, sample, rntnPosts);

      TextAnalyzer analyzer = new TextAnalyzer();
      Taxonomy taxonomy = Taxonomy.loadDefault(analyzer);
      SentimentLexicon lexicon = SentimentLexicon.load();
      Enricher socialEnricher = new Enricher(taxonomy, lexicon, 10_000, Clock.systemUTC());
      Enricher rntnEnricher =
          new Enricher(taxonomy, lexicon, 10_000, Clock.systemUTC(), Enricher.SentimentMode.RNTN);
      // Load the RNTN models (CoreNLP caches them for every thread) and JIT-compile the
      // enrichers before anything is timed: the runs measure the pipeline, not the warm-up.
      for (int i = 0; i < 3 * sample.size(); i++) {
        socialEnricher.enrich(sample.get(i % sample.size()));
      }
      for (int i = 0; i < 20; i++) {
        rntnEnricher.enrich(sample.get(i));
      }
      List<Double> social = new ArrayList<>();
      List<Double> rntn = new ArrayList<>();
      // A Streams app started after another one in this JVM has been seen to sit idle in poll()
      // and never commit (not yet understood; BENCHMARKS.md): bench/run does one run of each.
      for (int run = 1; run <= runs; run++) {
        rntn.add(run(broker, topics, rntnIn, "bench-rntn-" + run, rntnEnricher, dir));
        System.out.printf("run %d RNTN baseline: %.1f posts/s%n", run, rntn.get(run - 1));
      }
      for (int run = 1; run <= runs; run++) {
        social.add(run(broker, topics, socialIn, "bench-social-" + run, socialEnricher, dir));
        System.out.printf("run %d social scorer: %.0f posts/s%n", run, social.get(run - 1));
      }
      // An upper bound for the enricher's heap: this JVM also runs the broker and both apps.
      System.gc();
      long usedMb =
          java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
              >> 20;
      double s = JmhSummary.median(social);
      double r = JmhSummary.median(rntn);
      System.out.printf(
          "%nEnd to end through Kafka, 1 stream thread, enrich.properties defaults, %d runs:%n"
              + "  social scorer  median %.0f posts/s  (%d posts per run)%n"
              + "  RNTN baseline  median %.1f posts/s  (%d posts per run)%n"
              + "  ratio %.0fx%n"
              + "Heap in use after the runs (broker, RNTN models and both enrichers included): %d MB%n",
          runs, s, socialPosts, r, rntnPosts, s / r, usedMb);
    }
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

  /** Runs the enrich topology over the whole input topic; returns posts per second. */
  private static double run(
      KafkaBroker broker,
      PipelineTopics topics,
      String input,
      String applicationId,
      Enricher enricher,
      Path dir)
      throws Exception {
    TopicWithSerdes<String, RawPost> in =
        new TopicWithSerdes<>(input, topics.rawPosts().keySerde(), topics.rawPosts().valueSerde());
    // The shipped enrich.properties Kafka settings (and EARSHOT_KAFKA_* overrides), so the
    // benchmark measures what a deployment runs.
    Properties props = new Properties();
    props.putAll(
        ServiceConfig.load("enrich", null, System.getenv(), Map.of())
            .withPrefix(ServiceConfig.KAFKA_PREFIX));
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.ENRICH_DLQ);
    long total;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        ends.put(new TopicPartition(input, p), OffsetSpec.latest());
      }
      Map<TopicPartition, Long> endOffsets = new HashMap<>();
      admin.listOffsets(ends).all().get().forEach((tp, info) -> endOffsets.put(tp, info.offset()));
      total = endOffsets.values().stream().mapToLong(Long::longValue).sum();
      KafkaStreams streams =
          new KafkaStreams(
              EnrichTopology.build(
                  in, topics.enrichedPosts(), enricher, Duration.ofDays(7), () -> {}),
              props);
      try {
        streams.start();
        while (streams.state() != KafkaStreams.State.RUNNING) {
          TimeUnit.MILLISECONDS.sleep(10);
        }
        long start = System.nanoTime();
        while (true) {
          Map<TopicPartition, OffsetAndMetadata> committed =
              admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
          boolean done =
              endOffsets.entrySet().stream()
                  .allMatch(
                      e ->
                          committed.get(e.getKey()) != null
                              && committed.get(e.getKey()).offset() >= e.getValue());
          if (done) {
            return total / ((System.nanoTime() - start) / 1e9);
          }
          if (streams.state() == KafkaStreams.State.ERROR) {
            throw new IllegalStateException(applicationId + " failed");
          }
          TimeUnit.MILLISECONDS.sleep(20);
        }
      } finally {
        streams.close(Duration.ofSeconds(30));
      }
    }
  }

  private EndToEndBenchmark() {}
}
