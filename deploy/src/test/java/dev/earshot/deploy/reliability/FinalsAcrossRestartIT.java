package dev.earshot.deploy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.avro.ViewWindow;
import dev.earshot.deploy.ConsumerProgress;
import dev.earshot.deploy.Ports;
import dev.earshot.deploy.StackProbe;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view's final topic holds one record per closed window, across a crash: aggregate (its own JVM,
 * exactly-once) counts minute windows of enriched posts whose event times advance minute by minute;
 * it is killed with SIGKILL right after it sent finals in a transaction not yet committed, while
 * other windows are still open, and restarted on the same state directory. Read with {@code
 * read_committed}, the final topic must then hold every window the posts fell into once, with the
 * count of posts sent into it, and nothing for a window still open.
 *
 * <p>The sent finals are only known through the logged {@code closed} store ({@code
 * ViewProcessor}): a store that lost its last write would skip finals, one restored ahead of the
 * committed input or outside the transaction would repeat or skip them, and a window store restored
 * wrong would give the wrong counts.
 */
class FinalsAcrossRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final View VIEW = View.TOPIC;
  private static final WindowSize MINUTE = WindowSize.parse("1m");
  private static final Duration GRACE = Duration.ofMinutes(1);

  /** Two cells of the topic view: every post is in the first, the first of each minute in both. */
  private static final String CONSOLIDATION = "card-consolidation";

  private static final String LIMITS = "credit-limit";

  /** Minutes of event time the posts cover (plus one post after, to close the last window). */
  private static final int MINUTES = 40;

  /** Minutes sent before the first crash: finals up to minute 16 are out, 18 and 19 still open. */
  private static final int BEFORE_CRASH = 20;

  /** Minutes sent per crash attempt. */
  private static final int CRASH_BLOCK = 5;

  private static final int CRASH_ATTEMPTS = 3;

  /** Longer than the default, so that a crash right after finals are sent falls inside a txn. */
  private static final String COMMIT_INTERVAL_MS = "2000";

  @TempDir Path dir;

  private final String finalTopic = Topics.viewFinal(VIEW, MINUTE);

  /** Cell label and window start -> {posts, negative} sent into it. */
  private final Map<String, long[]> sent = new TreeMap<>();

  private long seq;
  private long streamTime = Long.MIN_VALUE;
  private Instant base;

  @Test
  void everyClosedWindowIsPublishedOnceAcrossASigkill() throws Exception {
    // Recent event times: the window stores keep a day, and nothing is too far in the past or
    // future for the post contract.
    base = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    try (ReliabilityCluster cluster =
            new ReliabilityCluster(dir, "exactly_once_v2").start(0, 0, 0);
        KafkaProducer<String, EnrichedPost> producer = producer(cluster)) {
      PipelineTopics topics =
          new PipelineTopics(
              new RestSchemaRegistryClient(RegistryConfig.of(cluster.registryUrl())),
              SerdeConfig.DEFAULT);
      ServiceProcess aggregate = aggregate(cluster);
      try {
        aggregate.start(ReliabilityCluster.READY);

        // Before the crash: the finals of the windows closed so far are out, the rest open.
        int minute = publish(producer, 0, BEFORE_CRASH);
        awaitFinals(cluster, topics, expectedFinals());
        assertThat(openWindows()).as("windows still open before the crash").isNotEmpty();

        // Kill aggregate right after it sent the next finals, before it commits them; again with
        // the next minutes if the kill missed the open transaction.
        int aborted = 0;
        int attempts = 0;
        while (aborted == 0 && attempts < CRASH_ATTEMPTS) {
          attempts++;
          Map<TopicPartition, Long> ends = endOffsets(cluster);
          minute = publish(producer, minute, minute + CRASH_BLOCK);
          awaitAnyRecordAfter(cluster, ends);
          aggregate.kill();
          aggregate.start(ReliabilityCluster.READY);
          awaitFinals(cluster, topics, expectedFinals());
          aborted = read(cluster, "read_uncommitted").size() - finals(cluster).size();
        }
        assertThat(aborted)
            .as("final records sent in a transaction the crash aborted, in %d attempts", attempts)
            .isPositive();

        // The rest, then one post past every window's end plus grace.
        publish(producer, minute, MINUTES);
        post(producer, base.plus(Duration.ofMinutes(MINUTES + 1)).plusSeconds(30), true, false);
        producer.flush();
        assertThat(openWindows()).as("windows left open at the end").isNotEmpty();
        awaitFinals(cluster, topics, expectedFinals());

        List<ConsumerRecord<byte[], byte[]>> records = finals(cluster);
        List<String> windows = new ArrayList<>();
        Map<String, long[]> counts = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
          ViewWindow w = topics.viewWindows().deserializer().deserialize(finalTopic, r.value());
          assertThat(w.getView()).isEqualTo(VIEW.id());
          assertThat(w.getClosed()).isTrue();
          assertThat(w.getWindowEnd()).isEqualTo(w.getWindowStart().plus(MINUTE.duration()));
          windows.add(window(w.getTopic(), w.getWindowStart()));
          counts.put(
              window(w.getTopic(), w.getWindowStart()), new long[] {w.getPosts(), w.getNegative()});
        }
        assertThat(windows).as("windows on %s", finalTopic).doesNotHaveDuplicates();
        assertThat(records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)))
            .as("record keys")
            .doesNotHaveDuplicates();
        assertThat(text(counts)).isEqualTo(text(expectedFinals()));
        // Nothing was late or refused: every post counted where the test expects it.
        assertThat(StackProbe.readCommitted(cluster.bootstrapServers(), Topics.AGGREGATE_DLQ))
            .isEmpty();
        System.out.printf(
            "%s: %d finals, once each; %d final records aborted by the kill (attempt %d); %d"
                + " windows still open%n",
            finalTopic, records.size(), aborted, attempts, openWindows().size());
      } finally {
        aggregate.stop();
        keepLog(aggregate);
      }
    }
  }

  // --- the posts --------------------------------------------------------------------------------

  /**
   * Publishes the posts of minutes {@code from} to {@code to - 1}: none in every fifth minute (no
   * final for it), else one to three; the first of a minute is in both cells, the others in one.
   */
  private int publish(KafkaProducer<String, EnrichedPost> producer, int from, int to) {
    for (int minute = from; minute < to; minute++) {
      int posts = minute % 5 == 2 ? 0 : 1 + minute % 3;
      for (int i = 0; i < posts; i++) {
        Instant at = base.plus(Duration.ofMinutes(minute)).plusSeconds(15L * i);
        post(producer, at, i == 0, seq % 2 == 0);
      }
    }
    producer.flush();
    return to;
  }

  /**
   * One post, to partition 0 of posts.enriched: one task reads them all in event-time order, so
   * none is late against a stream time another partition moved on (the grace is one minute).
   */
  private void post(
      KafkaProducer<String, EnrichedPost> producer, Instant at, boolean both, boolean negative) {
    String id = String.format("finals-%05d", seq++);
    List<String> labels = both ? List.of(CONSOLIDATION, LIMITS) : List.of(CONSOLIDATION);
    RawPost raw =
        RawPost.newBuilder()
            .setId(id)
            .setPlatform("finals")
            .setText("post " + id)
            .setCreatedAt(at)
            .setIngestedAt(Instant.now())
            .setOrigin("finals-it")
            .build();
    EnrichedPost post =
        EnrichedPost.newBuilder()
            .setPost(raw)
            .setLang("en")
            .setSentiment(
                negative
                    ? new Sentiment(Sentiments.NEGATIVE, -0.5, "test")
                    : new Sentiment(Sentiments.POSITIVE, 0.5, "test"))
            .setTopics(labels)
            .setTaxonomyVersion("finals-it")
            .setEnrichedAt(Instant.now())
            .build();
    producer.send(
        new ProducerRecord<>(Topics.POSTS_ENRICHED, 0, PostKeys.of(raw.getPlatform(), id), post));
    for (String label : labels) {
      long[] c =
          sent.computeIfAbsent(
              window(label, Instant.ofEpochMilli(MINUTE.windowStart(at.toEpochMilli()))),
              k -> new long[2]);
      c[0]++;
      c[1] += negative ? 1 : 0;
    }
    streamTime = Math.max(streamTime, at.toEpochMilli());
  }

  /** The windows sent into whose end plus grace the stream time has passed. */
  private Map<String, long[]> expectedFinals() {
    Map<String, long[]> closed = new TreeMap<>();
    sent.forEach(
        (window, c) -> {
          if (closes(window) <= streamTime) {
            closed.put(window, c);
          }
        });
    return closed;
  }

  private List<String> openWindows() {
    return sent.keySet().stream().filter(w -> closes(w) > streamTime).toList();
  }

  private static long closes(String window) {
    Instant start = Instant.parse(window.substring(window.indexOf('|') + 1));
    return start.plus(MINUTE.duration()).plus(GRACE).toEpochMilli();
  }

  private static String window(String label, Instant start) {
    return label + "|" + start;
  }

  // --- the stack --------------------------------------------------------------------------------

  private ServiceProcess aggregate(ReliabilityCluster cluster) {
    int port = Ports.free();
    Map<String, String> config = new HashMap<>();
    config.put("kafka.bootstrap.servers", cluster.bootstrapServers());
    config.put("schema.registry.url", cluster.registryUrl());
    config.put("http.port", Integer.toString(port));
    config.put("kafka.state.dir", dir.resolve("aggregate").resolve("state").toString());
    config.put("kafka.processing.guarantee", "exactly_once_v2");
    config.put("kafka.commit.interval.ms", COMMIT_INTERVAL_MS);
    config.put("kafka.statestore.cache.max.bytes", "0");
    // The restarted JVM takes the killed one's place at once instead of waiting out its session.
    config.put("kafka.group.instance.id", "finals-aggregate");
    config.put(ViewSettings.WINDOWS, MINUTE.token());
    config.put(ViewSettings.grace(MINUTE), GRACE.toString());
    config.put(ViewSettings.retention(MINUTE), "P1D");
    // Alerts judge one of the counted sizes; there are too few posts for any spike.
    config.put(AlertSettings.PREFIX + "interval", MINUTE.token());
    return new ServiceProcess(
        "aggregate", AggregateService.class.getName(), config, dir.resolve("aggregate"), port);
  }

  private static KafkaProducer<String, EnrichedPost> producer(ReliabilityCluster cluster) {
    PipelineTopics topics =
        new PipelineTopics(
            new RestSchemaRegistryClient(RegistryConfig.of(cluster.registryUrl())),
            SerdeConfig.DEFAULT);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(
        props, new StringSerializer(), topics.enrichedPosts().valueSerde().serializer());
  }

  /**
   * Waits until the final topic holds (at least) these windows and aggregate has committed all its
   * input, so that nothing more is coming for what was sent.
   */
  private void awaitFinals(
      ReliabilityCluster cluster, PipelineTopics topics, Map<String, long[]> expected) {
    ConsumerProgress progress = new ConsumerProgress(cluster.bootstrapServers());
    String repartition =
        "earshot-aggregate-" + AggregateTopology.GROUP + "-repartition"; // default application id
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Set<String> have = new HashSet<>();
              for (ConsumerRecord<byte[], byte[]> r : finals(cluster)) {
                ViewWindow w =
                    topics.viewWindows().deserializer().deserialize(finalTopic, r.value());
                have.add(window(w.getTopic(), w.getWindowStart()));
              }
              return have.containsAll(expected.keySet())
                  && progress.consumedAll("earshot-aggregate", Topics.POSTS_ENRICHED)
                  && progress.consumedAll("earshot-aggregate", repartition);
            });
  }

  private static Map<String, String> text(Map<String, long[]> counts) {
    Map<String, String> out = new TreeMap<>();
    counts.forEach((k, c) -> out.put(k, c[0] + " posts, " + c[1] + " negative"));
    return out;
  }

  private List<ConsumerRecord<byte[], byte[]>> finals(ReliabilityCluster cluster) {
    return StackProbe.readCommitted(cluster.bootstrapServers(), finalTopic);
  }

  /** Every record of the final topic, committed or not (aborted ones too). */
  private List<ConsumerRecord<byte[], byte[]>> read(ReliabilityCluster cluster, String isolation) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster, isolation)) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        assertThat(System.nanoTime()).as("reading %s", finalTopic).isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private Map<TopicPartition, Long> endOffsets(ReliabilityCluster cluster) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster, "read_uncommitted")) {
      return consumer.endOffsets(partitions(consumer));
    }
  }

  /** Waits for a record past these offsets, committed or not: finals sent in an open txn. */
  private void awaitAnyRecordAfter(ReliabilityCluster cluster, Map<TopicPartition, Long> from) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(cluster, "read_uncommitted")) {
      consumer.assign(from.keySet());
      from.forEach(consumer::seek);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (consumer.poll(Duration.ofMillis(20)).isEmpty()) {
        assertThat(System.nanoTime()).as("new finals on %s", finalTopic).isLessThan(deadline);
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer(ReliabilityCluster cluster, String isolation) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(finalTopic)
        .forEach(p -> partitions.add(new TopicPartition(finalTopic, p.partition())));
    return partitions;
  }

  /** Keeps aggregate's log in target/, to read after a failure (the temp dir goes). */
  private static void keepLog(ServiceProcess aggregate) throws IOException {
    Path to = Path.of("target", "finals-across-restart");
    Files.createDirectories(to);
    if (Files.exists(aggregate.logFile())) {
      Files.copy(
          aggregate.logFile(), to.resolve("aggregate.log"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
