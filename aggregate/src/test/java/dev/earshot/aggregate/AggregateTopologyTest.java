package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.avro.AudienceTopicWindow;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostSentiment;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.avro.SentimentCounts;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.DeadLetterProcessingHandler;
import dev.earshot.service.Metrics;
import dev.earshot.service.StreamsService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateTopologyTest {
  private static final AggregateTopology.Settings SETTINGS =
      new AggregateTopology.Settings(Duration.ofHours(1), Duration.ofDays(1));
  private static final Instant H10 = Instant.parse("2026-11-16T10:00:00Z");
  private static final Instant H11 = Instant.parse("2026-11-16T11:00:00Z");
  private static final Instant H12 = Instant.parse("2026-11-16T12:00:00Z");
  private static final String APP_ID = "aggregate-topology-test";

  /** Where late votes are read from, and so what their dead letters name as the source. */
  private static final String REPARTITION_TOPIC =
      APP_ID + "-" + AggregateTopology.GROUP + "-repartition";

  @TempDir Path stateDir;

  private final PipelineTopics topics =
      new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT);
  private final TopicWithSerdes<String, EnrichedPost> enriched = topics.enrichedPosts();
  private final TopicWithSerdes<String, AudienceTopicWindow> hourly = topics.audienceTopicHourly();
  private final Serde<PostSentiment> voteSerde = topics.avro(PostSentiment.class);
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedPost> in;
  private TestOutputTopic<String, AudienceTopicWindow> out;
  private TestOutputTopic<byte[], byte[]> dlq;
  private int ids;

  @BeforeEach
  void start() {
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
                enriched, hourly, voteSerde, topics.avro(SentimentCounts.class), SETTINGS),
            props);
    in =
        driver.createInputTopic(
            enriched.name(), enriched.keySerde().serializer(), enriched.valueSerde().serializer());
    out =
        driver.createOutputTopic(
            hourly.name(), hourly.keySerde().deserializer(), hourly.valueSerde().deserializer());
    dlq =
        driver.createOutputTopic(
            Topics.AGGREGATE_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  // --- fixtures -------------------------------------------------------------------------------

  private static EnrichedPost post(
      String id,
      Instant createdAt,
      String label,
      double score,
      List<String> audiences,
      List<String> topics) {
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
        .setAudiences(audiences)
        .setTopics(topics)
        .setBrands(List.of())
        .setTaxonomyVersion("1@test")
        .setEnrichedAt(createdAt)
        .build();
  }

  /**
   * Pipes a post. Its record timestamp is when Kafka received it (LogAppendTime on earshot's
   * topics), here 40 days after created_at: windows, grace and lateness must follow created_at.
   */
  private String send(
      Instant createdAt, String label, double score, List<String> a, List<String> t) {
    String id = "p" + ++ids;
    in.pipeInput(
        "twitter:" + id,
        post(id, createdAt, label, score, a, t),
        createdAt.plus(java.time.Duration.ofDays(40)));
    return "twitter:" + id;
  }

  private String sendCell(Instant createdAt, String audience, String topic) {
    return send(createdAt, Sentiments.NEUTRAL, 0.0, List.of(audience), List.of(topic));
  }

  private SentimentCounts stored(String cell, Instant windowStart) {
    WindowStore<String, ValueAndTimestamp<SentimentCounts>> store =
        driver.getTimestampedWindowStore(AggregateTopology.STORE);
    ValueAndTimestamp<SentimentCounts> stored = store.fetch(cell, windowStart.toEpochMilli());
    return stored == null ? null : stored.value();
  }

  /** Everything on aggregate.dlq, read through {@link DeadLetter#from}: every header present. */
  private List<DeadLetter> deadLetters() {
    return dlq.readRecordsToList().stream()
        .map(r -> DeadLetter.from(r.headers(), r.key(), r.value()))
        .toList();
  }

  /** Late votes counted in earshot_dead_letters_total{stage="aggregate",reason="late"}. */
  private double late() {
    Counter c =
        metrics
            .find(Metrics.DEAD_LETTERS)
            .tag("stage", "aggregate")
            .tag("reason", "late")
            .counter();
    return c == null ? 0 : c.count();
  }

  // --- cells ----------------------------------------------------------------------------------

  @Test
  void postWithTwoAudiencesAndTwoTopicsCountsOnceInEachOfFourCells() {
    send(
        H10.plusSeconds(900),
        Sentiments.POSITIVE,
        0.5,
        List.of("newlyweds", "parents"),
        List.of("rewards", "annual-fees"));

    for (String cell :
        List.of(
            "newlyweds|rewards",
            "newlyweds|annual-fees",
            "parents|rewards",
            "parents|annual-fees")) {
      assertThat(stored(cell, H10)).as(cell).isEqualTo(new SentimentCounts(1L, 1L, 0L, 0L, 0.5));
    }
    assertThat(stored("newlyweds|unassigned", H10)).isNull();
    assertThat(stored("unassigned|rewards", H10)).isNull();
    assertThat(out.readKeyValuesToMap()).hasSize(4);
  }

  @Test
  void recordsBreakingThePostContractAreDeadLetteredWithTheReasonAndNotCounted() {
    Instant at = Instant.parse("2026-11-16T10:00:00Z");
    EnrichedPost ok =
        post("1", at, Sentiments.NEUTRAL, 0.0, List.of("newlyweds"), List.of("rewards"));
    EnrichedPost ancient =
        post(
            "2",
            Instant.parse("1969-12-31T23:00:00Z"),
            Sentiments.NEUTRAL,
            0.0,
            List.of(),
            List.of());

    in.pipeInput((String) null, ok, at); // would fail later writing a vote with no post key
    in.pipeInput("twitter:2", ancient, at); // Streams would drop it silently
    in.pipeInput("twitter:1", ok, at);

    List<DeadLetter> dead = deadLetters();
    assertThat(dead)
        .satisfiesExactly(
            d -> assertThat(d.message()).contains("no key"),
            d -> assertThat(d.message()).contains("before 1970"));
    assertThat(dead)
        .allSatisfy(
            d -> {
              assertThat(d.stage()).isEqualTo(Stage.AGGREGATE);
              assertThat(d.reason()).isEqualTo("invalid");
              assertThat(d.topic()).isEqualTo(Topics.POSTS_ENRICHED);
              // the post as read from posts.enriched
              assertThat(enriched.valueSerde().deserializer().deserialize(d.topic(), d.value()))
                  .isNotNull();
            });
    assertThat(dead.get(1).key()).isEqualTo("twitter:2".getBytes(StandardCharsets.UTF_8));
    assertThat(stored(new AudienceTopicKey("newlyweds", "rewards").encode(), at).getPosts())
        .isEqualTo(1);
  }

  @Test
  void postWithNoLabelsCountsInUnassignedUnassigned() {
    send(H10.plusSeconds(60), Sentiments.NEGATIVE, -0.4, List.of(), List.of());

    assertThat(stored("unassigned|unassigned", H10))
        .isEqualTo(new SentimentCounts(1L, 0L, 0L, 1L, -0.4));
  }

  @Test
  void postWithAnAudienceButNoTopicCountsUnderItsAudienceAndUnassigned() {
    send(H10.plusSeconds(60), Sentiments.NEUTRAL, 0.0, List.of("retirees"), List.of());

    assertThat(stored("retirees|unassigned", H10))
        .isEqualTo(new SentimentCounts(1L, 0L, 1L, 0L, 0.0));
    assertThat(stored("unassigned|unassigned", H10)).isNull();
  }

  @Test
  void sentimentSplitAndScoreSumAddUp() {
    List<String> a = List.of("parents");
    List<String> t = List.of("rewards");
    send(H10.plusSeconds(1), Sentiments.POSITIVE, 0.5, a, t);
    send(H10.plusSeconds(2), Sentiments.NEGATIVE, -0.25, a, t);
    send(H10.plusSeconds(3), Sentiments.NEUTRAL, 0.0, a, t);
    send(H10.plusSeconds(4), Sentiments.POSITIVE, 0.75, a, t);

    SentimentCounts counts = stored("parents|rewards", H10);
    assertThat(counts.getPosts()).isEqualTo(4);
    assertThat(counts.getPositive()).isEqualTo(2);
    assertThat(counts.getNeutral()).isEqualTo(1);
    assertThat(counts.getNegative()).isEqualTo(1);
    assertThat(counts.getScoreSum()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void windowsAreHourly10_59_59And11_00_00LandInDifferentWindows() {
    sendCell(Instant.parse("2026-11-16T10:00:00Z"), "parents", "rewards");
    sendCell(Instant.parse("2026-11-16T10:59:59Z"), "parents", "rewards");
    sendCell(Instant.parse("2026-11-16T11:00:00Z"), "parents", "rewards");

    assertThat(stored("parents|rewards", H10).getPosts()).isEqualTo(2);
    assertThat(stored("parents|rewards", H11).getPosts()).isEqualTo(1);
  }

  @Test
  void storeReadAsTimestampedWindowStoreCarriesTheLatestEventTime() {
    sendCell(H10.plusSeconds(10), "parents", "rewards");
    sendCell(H10.plusSeconds(20), "parents", "rewards");

    WindowStore<String, ValueAndTimestamp<SentimentCounts>> store =
        driver.getTimestampedWindowStore(AggregateTopology.STORE);
    ValueAndTimestamp<SentimentCounts> v = store.fetch("parents|rewards", H10.toEpochMilli());

    assertThat(v.value().getPosts()).isEqualTo(2);
    assertThat(v.timestamp()).isEqualTo(H10.plusSeconds(20).toEpochMilli());
  }

  @Test
  void windowIsChosenByCreatedAtNotByTheKafkaRecordTimestamp() {
    EnrichedPost p =
        post(
            "x",
            H10.plusSeconds(30),
            Sentiments.NEUTRAL,
            0.0,
            List.of("parents"),
            List.of("rewards"));

    in.pipeInput("twitter:x", p, H12.plusSeconds(3600 * 5));

    assertThat(stored("parents|rewards", H10).getPosts()).isEqualTo(1);
    assertThat(out.readKeyValuesToMap()).containsOnlyKeys("parents|rewards|2026-11-16T10:00:00Z");
  }

  // --- output topic ---------------------------------------------------------------------------

  @Test
  void outputKeyIsAudienceTopicAndWindowStartAndValueCarriesEveryField() {
    send(H10.plusSeconds(5), Sentiments.POSITIVE, 0.5, List.of("newlyweds"), List.of("rewards"));
    send(H10.plusSeconds(6), Sentiments.NEGATIVE, -0.3, List.of("newlyweds"), List.of("rewards"));

    Map<String, AudienceTopicWindow> latest = out.readKeyValuesToMap();

    assertThat(latest).containsOnlyKeys("newlyweds|rewards|2026-11-16T10:00:00Z");
    AudienceTopicWindow w = latest.get("newlyweds|rewards|2026-11-16T10:00:00Z");
    assertThat(w.getAudience()).isEqualTo("newlyweds");
    assertThat(w.getTopic()).isEqualTo("rewards");
    assertThat(w.getWindowStart()).isEqualTo(H10);
    assertThat(w.getWindowEnd()).isEqualTo(H11);
    assertThat(w.getPosts()).isEqualTo(2);
    assertThat(w.getPositive()).isEqualTo(1);
    assertThat(w.getNeutral()).isZero();
    assertThat(w.getNegative()).isEqualTo(1);
    assertThat(w.getScoreSum()).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void everyUpdateIsPublishedSoTheCompactedTopicKeepsTheLatestCount() {
    sendCell(H10.plusSeconds(5), "parents", "rewards");
    sendCell(H10.plusSeconds(6), "parents", "rewards");

    List<KeyValue<String, AudienceTopicWindow>> all = out.readKeyValuesToList();

    assertThat(all).extracting(kv -> kv.key).containsOnly("parents|rewards|2026-11-16T10:00:00Z");
    assertThat(all).extracting(kv -> kv.value.getPosts()).containsExactly(1L, 2L);
  }

  // --- late records ---------------------------------------------------------------------------

  @Nested
  class LateRecords {
    @Test
    void recordWhoseWindowClosedBeyondGraceGoesToTheDeadLetterTopicAndIsNotCounted() {
      sendCell(H12.plusSeconds(1800), "parents", "rewards"); // stream time 12:30, closes <= 11:30
      out.readKeyValuesToList();

      String key =
          send(
              H10.plusSeconds(1800),
              Sentiments.NEGATIVE,
              -0.5,
              List.of("parents"),
              List.of("rewards"));

      assertThat(stored("parents|rewards", H10)).isNull();
      assertThat(out.isEmpty()).isTrue();
      assertThat(late()).isEqualTo(1.0);
      List<DeadLetter> dead = deadLetters();
      assertThat(dead).hasSize(1);
      DeadLetter letter = dead.get(0);
      // The vote as read from the repartition topic: key audience|topic, value the PostSentiment
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("parents|rewards");
      PostSentiment vote = voteSerde.deserializer().deserialize(REPARTITION_TOPIC, letter.value());
      assertThat(vote.getPostKey()).isEqualTo(key);
      assertThat(vote.getSentiment().getLabel()).isEqualTo(Sentiments.NEGATIVE);
      assertThat(letter.stage()).isEqualTo(Stage.AGGREGATE);
      assertThat(letter.reason()).isEqualTo("late");
      assertThat(letter.message())
          .startsWith("late: post " + key)
          .contains("2026-11-16T10:30:00Z")
          .contains("[2026-11-16T10:00:00Z, 2026-11-16T11:00:00Z)")
          .contains("stream time 2026-11-16T12:30:00Z")
          .contains("grace PT1H");
      assertThat(letter.topic()).isEqualTo(REPARTITION_TOPIC);
      assertThat(letter.partition()).isZero();
      assertThat(letter.offset()).isNotNull();
      assertThat(letter.origin()).isEqualTo(REPARTITION_TOPIC + "-0@" + letter.offset());
      assertThat(letter.field()).isNull();
    }

    @Test
    void recordOutOfOrderButWithinGraceIsCounted() {
      sendCell(H12.plusSeconds(1800), "parents", "rewards"); // stream time 12:30
      sendCell(H11.plusSeconds(900), "parents", "rewards"); // window 11-12 ends after 11:30

      assertThat(stored("parents|rewards", H11).getPosts()).isEqualTo(1);
      assertThat(late()).isZero();
      assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void windowEndingExactlyAtStreamTimeMinusGraceIsClosedAndTheNextOneIsOpen() {
      sendCell(H12, "parents", "rewards"); // stream time 12:00: windows ending <= 11:00 are closed

      sendCell(H11.minusSeconds(1), "parents", "rewards"); // window 10-11
      sendCell(H11, "parents", "rewards"); // window 11-12

      // The check and Kafka's own window close agree: nothing is dropped silently, nothing twice
      assertThat(stored("parents|rewards", H10)).isNull();
      assertThat(stored("parents|rewards", H11).getPosts()).isEqualTo(1);
      assertThat(deadLetters()).hasSize(1);
      assertThat(late()).isEqualTo(1.0);
    }

    @Test
    void latePostWithSeveralCellsIsDeadLetteredOncePerCell() {
      sendCell(H12.plusSeconds(1800), "parents", "rewards");

      send(
          H10,
          Sentiments.POSITIVE,
          0.5,
          List.of("parents", "retirees"),
          List.of("rewards", "fraud-security"));

      assertThat(deadLetters())
          .extracting(d -> new String(d.key(), StandardCharsets.UTF_8))
          .containsExactlyInAnyOrder(
              "parents|rewards",
              "parents|fraud-security",
              "retirees|rewards",
              "retirees|fraud-security");
      assertThat(late()).isEqualTo(4.0);
    }

    @Test
    void lateRecordsDoNotMoveStreamTimeBack() {
      sendCell(H12.plusSeconds(1800), "parents", "rewards");
      sendCell(H10, "parents", "rewards"); // late
      sendCell(H10.plusSeconds(60), "parents", "rewards"); // still late

      assertThat(late()).isEqualTo(2.0);
      assertThat(stored("parents|rewards", H10)).isNull();
    }
  }

  // --- settings and the pure parts ------------------------------------------------------------

  @Test
  void settingsRejectRetentionShorterThanWindowPlusGrace() {
    assertThatThrownBy(
            () -> new AggregateTopology.Settings(Duration.ofHours(2), Duration.ofMinutes(179)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregate.retention");
    assertThat(new AggregateTopology.Settings(Duration.ofHours(2), Duration.ofHours(3)).retention())
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void cellsAreTheCrossProductKeyedAudienceBarTopicWithTheSameVote() {
    EnrichedPost p =
        post("c", H10, Sentiments.POSITIVE, 0.9, List.of("a1", "a2"), List.of("t1", "t2", "t3"));

    List<KeyValue<String, PostSentiment>> cells = AggregateTopology.cells("twitter:c", p);

    assertThat(cells)
        .extracting(kv -> kv.key)
        .containsExactly("a1|t1", "a1|t2", "a1|t3", "a2|t1", "a2|t2", "a2|t3");
    assertThat(cells)
        .extracting(kv -> kv.value)
        .containsOnly(new PostSentiment("twitter:c", p.getSentiment()));
  }
}
