package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.avro.Author;
import dev.earshot.avro.CellStats;
import dev.earshot.avro.Engagement;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostFacts;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import dev.earshot.service.DeadLetterProcessingHandler;
import dev.earshot.service.Metrics;
import dev.earshot.service.StreamsService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole aggregate topology on the TopologyTestDriver, with explicit event times. Subclasses
 * test one concern each; this holds the driver, the fixtures and the readers.
 */
abstract class ViewTopologyTest {
  static final Instant H10 = Instant.parse("2026-11-16T10:00:00Z");
  static final Instant H11 = Instant.parse("2026-11-16T11:00:00Z");
  static final Instant H12 = Instant.parse("2026-11-16T12:00:00Z");

  /** The wall clock the topology reads in this test (post freshness): a while after H12. */
  static final Instant NOW = H12.plus(Duration.ofMinutes(3));

  static final String APP_ID = "aggregate-topology-test";
  static final WindowSize MINUTE = WindowSize.parse("1m");
  static final WindowSize HOUR = WindowSize.parse("1h");
  static final WindowSize DAY = WindowSize.parse("1d");

  /** Where late posts are read from, and so what their dead letters name as the source. */
  static final String REPARTITION_TOPIC = APP_ID + "-" + AggregateTopology.GROUP + "-repartition";

  @TempDir Path stateDir;

  final PipelineTopics topics =
      new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT);
  final TopicWithSerdes<String, EnrichedPost> enriched = topics.enrichedPosts();
  final Serde<PostFacts> factsSerde = topics.avro(PostFacts.class);
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  TopologyTestDriver driver;
  TestInputTopic<String, EnrichedPost> in;
  TestOutputTopic<byte[], byte[]> dlq;
  private int ids;

  /** The windows every view keeps in this test: by default hours with one hour of grace. */
  ViewSettings settings() {
    return ViewSettings.uniform(
        List.of(new WindowSpec(HOUR, Duration.ofHours(1), Duration.ofDays(1))),
        Duration.ofSeconds(10));
  }

  /** How spikes are judged in this test: by default as aggregate.properties says. */
  AlertSettings alertSettings() {
    return AlertSettings.defaults();
  }

  @BeforeEach
  void start() {
    open();
  }

  void open() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    props.put(Metrics.REGISTRY_CONFIG_KEY, metrics);
    props.put(StreamsService.STAGE_CONFIG_KEY, Stage.AGGREGATE);
    driver =
        new TopologyTestDriver(
            AggregateTopology.build(
                enriched,
                ViewSerdes.of(topics),
                settings(),
                alertSettings(),
                new PostMetrics(metrics, Clock.fixed(NOW, ZoneOffset.UTC))),
            props);
    in =
        driver.createInputTopic(
            enriched.name(), enriched.keySerde().serializer(), enriched.valueSerde().serializer());
    dlq =
        driver.createOutputTopic(
            Topics.AGGREGATE_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  // --- fixtures -------------------------------------------------------------------------------

  static EnrichedPost post(String id, Instant createdAt, String label, double score) {
    RawPost raw =
        RawPost.newBuilder()
            .setId(id)
            .setPlatform("twitter")
            .setText("text of " + id)
            .setCreatedAt(createdAt)
            .setIngestedAt(createdAt)
            .setOrigin("test")
            .build();
    return EnrichedPost.newBuilder()
        .setPost(raw)
        .setLang("en")
        .setSentiment(new Sentiment(label, score, "lexicon"))
        .setAudiences(List.of())
        .setTopics(List.of())
        .setBrands(List.of())
        .setTaxonomyVersion("1@test")
        .setEnrichedAt(createdAt)
        .build();
  }

  static EnrichedPost labelled(Instant at, List<String> audiences, List<String> topics) {
    EnrichedPost p = post("x", at, Sentiments.NEUTRAL, 0.0);
    p.setAudiences(audiences);
    p.setTopics(topics);
    return p;
  }

  static EnrichedPost byAuthor(EnrichedPost post, String handle, long followers, String text) {
    post.getPost().setAuthor(new Author(null, handle, followers, null));
    post.getPost().setMetrics(new Engagement(3L, 2L, 1L, 100L));
    post.getPost().setText(text);
    return post;
  }

  /**
   * Pipes a post under a fresh key. Its record timestamp is when Kafka received it (LogAppendTime
   * on earshot's topics), here 40 days after created_at: windows must follow created_at.
   */
  String send(EnrichedPost post) {
    String id = "p" + ++ids;
    post.getPost().setId(id);
    Instant createdAt = post.getPost().getCreatedAt();
    in.pipeInput("twitter:" + id, post, createdAt.plus(Duration.ofDays(40)));
    return "twitter:" + id;
  }

  String sendCell(Instant at, String audience, String topic) {
    return send(labelled(at, List.of(audience), List.of(topic)));
  }

  /** What a view's store holds for a cell ({@code label|label}) and window, or null. */
  Cell stored(View view, WindowSize size, String labels, Instant windowStart) {
    WindowStore<String, CellStats> store = driver.getWindowStore(ViewStores.windows(view, size));
    CellStats stats = store.fetch(view.id() + "|" + labels, windowStart.toEpochMilli());
    return stats == null ? null : Cell.of(stats);
  }

  long posts(View view, WindowSize size, String labels, Instant windowStart) {
    Cell cell = stored(view, size, labels, windowStart);
    return cell == null ? 0 : cell.posts();
  }

  TestOutputTopic<String, ViewWindow> output(View view, WindowSize size, boolean finals) {
    TopicWithSerdes<String, ViewWindow> topic =
        finals ? topics.viewFinal(view, size) : topics.viewUpdates(view, size);
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  List<KeyValue<String, ViewWindow>> read(View view, WindowSize size, boolean finals) {
    return output(view, size, finals).readKeyValuesToList();
  }

  /** Everything on aggregate.dlq, read through {@link DeadLetter#from}: every header present. */
  List<DeadLetter> deadLetters() {
    return dlq.readRecordsToList().stream()
        .map(r -> DeadLetter.from(r.headers(), r.key(), r.value()))
        .toList();
  }

  /** Late posts counted in earshot_dead_letters_total{stage="aggregate",reason="late"}. */
  double late() {
    Counter c =
        metrics
            .find(Metrics.DEAD_LETTERS)
            .tag("stage", "aggregate")
            .tag("reason", "late")
            .counter();
    return c == null ? 0 : c.count();
  }

  static String key(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static void assertMean(Cell cell, double mean) {
    assertThat(cell.scoreSum() / cell.posts()).isCloseTo(mean, within(1e-9));
  }
}
