package dev.earshot.enrich;

import static dev.earshot.labels.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.labels.LabelModels;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.labels.PostTooLargeException;
import dev.earshot.labels.Posts;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.DeadLetterDeserializationHandler;
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
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  private static final String APP_ID = "enrich-topology-test";
  private static final int MAX_CHARS = 300;
  private static final Taxonomy TAXONOMY = TaxonomyParser.loadDefault(new TextAnalyzer());
  private static final Labeller ENRICHER =
      Labeller.create(
          LabellerSettings.defaults().withMaxTextChars(MAX_CHARS).withMaxTimePerPost(Duration.ZERO),
          TAXONOMY,
          LabelModels.bundled(),
          java.time.Clock.systemUTC());

  @TempDir Path stateDir;

  private final PipelineTopics topics =
      new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT);
  private final TopicWithSerdes<String, RawPost> raw = topics.rawPosts();
  private final TopicWithSerdes<String, EnrichedPost> enriched = topics.enrichedPosts();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  private TopologyTestDriver driver;
  private TestInputTopic<String, RawPost> in;
  private TestOutputTopic<String, EnrichedPost> out;
  private TestOutputTopic<byte[], byte[]> dlq;

  private Properties properties(String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    props.put(Metrics.REGISTRY_CONFIG_KEY, metrics);
    props.put(StreamsService.STAGE_CONFIG_KEY, Stage.ENRICH);
    return props;
  }

  @BeforeEach
  void start() {
    Properties props = properties(APP_ID);
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                raw, enriched, ENRICHER::enrich, Duration.ofDays(7), duplicates::incrementAndGet),
            props);
    in =
        driver.createInputTopic(
            raw.name(), raw.keySerde().serializer(), raw.valueSerde().serializer());
    out =
        driver.createOutputTopic(
            enriched.name(),
            enriched.keySerde().deserializer(),
            enriched.valueSerde().deserializer());
    dlq =
        driver.createOutputTopic(
            Topics.ENRICH_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void rawPostComesOutLabelledUnderTheSameKey() {
    RawPost post = post("1", "Just married! @AcmeCard raised my APR 😡").setLang("en").build();

    in.pipeInput("twitter:1", post);

    List<TestRecord<String, EnrichedPost>> records = out.readRecordsToList();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).key()).isEqualTo("twitter:1");
    EnrichedPost value = records.get(0).value();
    assertThat(value.getPost()).isEqualTo(post);
    assertThat(value.getAudiences()).containsExactly("newlyweds");
    assertThat(value.getTopics()).containsExactly("interest-rates");
    assertThat(value.getBrands()).containsExactly("acme");
    assertThat(value.getSentiment().getLabel()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(value.getTaxonomyVersion()).isEqualTo(TAXONOMY.version());
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void theTimeIngestAcceptedThePostGoesOnToPostsEnriched() {
    // Aggregate measures earshot_aggregate_pipeline_latency_seconds from it (PostMetrics).
    Instant ingested = Posts.CREATED.plus(Duration.ofHours(2));
    RawPost post = post("1", "Love my Acme card").setIngestedAt(ingested).build();

    // The record's own time is the broker's (LogAppendTime), a little after ingest sent it.
    in.pipeInput("twitter:1", post, ingested.plusMillis(40));

    assertThat(out.readValue().getPost().getIngestedAt()).isEqualTo(ingested);
  }

  @Test
  void sameKeyAndCreatedAtTwiceComesOutOnceAndCountsOneDuplicate() {
    RawPost post = post("1", "Love my Acme card").build();

    in.pipeInput("twitter:1", post);
    in.pipeInput("twitter:1", post);

    assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("twitter:1");
    assertThat(duplicates).hasValue(1);
  }

  @Test
  void reDeliveryWithEditedTextButSameCreatedAtIsStillADuplicate() {
    in.pipeInput("twitter:1", post("1", "Love my Acme card").build());
    in.pipeInput("twitter:1", post("1", "Love my Acme card (edited)").build());

    assertThat(out.readValuesToList())
        .extracting(p -> p.getPost().getText())
        .containsExactly("Love my Acme card");
    assertThat(duplicates).hasValue(1);
  }

  @Test
  void sameKeyWithADifferentCreatedAtIsNotADuplicateAndComesOutAgain() {
    in.pipeInput("twitter:1", post("1", "Love my Acme card").build());
    in.pipeInput(
        "twitter:1",
        post("1", "Love my Acme card").setCreatedAt(Posts.CREATED.plusSeconds(1)).build());

    assertThat(out.readKeyValuesToList()).hasSize(2);
    assertThat(duplicates).hasValue(0);
  }

  @Test
  void differentKeysWithTheSameCreatedAtAreNotDuplicates() {
    in.pipeInput("twitter:1", post("1", "Love my Acme card").build());
    in.pipeInput("reddit:1", post("1", "Love my Acme card").setPlatform("reddit").build());

    assertThat(keys()).containsExactly("twitter:1", "reddit:1");
    assertThat(duplicates).hasValue(0);
  }

  @Test
  void reDeliveryOlderThanTheDedupeRetentionIsNotCaught() {
    driver.close();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID + "-short");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                raw, enriched, ENRICHER::enrich, Duration.ofHours(1), duplicates::incrementAndGet),
            props);
    in =
        driver.createInputTopic(
            raw.name(), raw.keySerde().serializer(), raw.valueSerde().serializer());
    out =
        driver.createOutputTopic(
            enriched.name(),
            enriched.keySerde().deserializer(),
            enriched.valueSerde().deserializer());
    RawPost old = post("1", "Love my Acme card").build();
    Instant muchLater = Posts.CREATED.plus(Duration.ofHours(3));

    in.pipeInput("twitter:1", old, Posts.CREATED);
    in.pipeInput("twitter:2", post("2", "Hi").setCreatedAt(muchLater).build(), muchLater);
    in.pipeInput("twitter:1", old, muchLater);

    assertThat(keys()).containsExactly("twitter:1", "twitter:2", "twitter:1");
    assertThat(duplicates).hasValue(0);
  }

  @Test
  void oversizePostGoesToTheDeadLetterTopicAsReadAndProcessingContinues() {
    RawPost big = post("big", "Acme " + "a".repeat(MAX_CHARS)).build();
    RawPost next = post("next", "Acme waived the late fee 🙌").build();

    in.pipeInput("twitter:big", big);
    in.pipeInput("twitter:next", next);

    assertThat(keys()).containsExactly("twitter:next");
    DeadLetter dead = oneDeadLetter();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("twitter:big");
    // the value is the record exactly as it was read from posts.raw
    assertThat(raw.valueSerde().deserializer().deserialize(raw.name(), dead.value()))
        .isEqualTo(big);
    assertThat(dead.stage()).isEqualTo(Stage.ENRICH);
    assertThat(dead.reason()).isEqualTo("processing");
    assertThat(dead.message())
        .startsWith(PostTooLargeException.class.getName())
        .contains("twitter:big")
        .contains("over the limit of " + MAX_CHARS);
    assertThat(dead.topic()).isEqualTo(Topics.POSTS_RAW);
    assertThat(dead.partition()).isZero();
    assertThat(dead.offset()).isZero();
    assertThat(dead.origin()).isEqualTo(Topics.POSTS_RAW + "-0@0");
    assertThat(dead.field()).isNull();
    assertThat(dead.originalBytes()).isNull();
    assertThat(deadLetters()).isEqualTo(1.0);
  }

  @Test
  void tombstoneIsDeadLetteredNotForwarded() {
    in.pipeInput("twitter:gone", (RawPost) null);
    in.pipeInput("twitter:next", post("next", "Hello").build());

    assertThat(keys()).containsExactly("twitter:next");
    DeadLetter dead = oneDeadLetter();
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("twitter:gone");
    assertThat(dead.value()).isNull();
    assertThat(dead.reason()).isEqualTo("invalid");
  }

  @Test
  void unreadableRecordIsDeadLetteredAsReadUnderReasonDeserialization() {
    driver.close();
    Properties props = properties(APP_ID + "-deser");
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    driver =
        new TopologyTestDriver(
            EnrichTopology.build(
                raw, enriched, ENRICHER::enrich, Duration.ofDays(7), duplicates::incrementAndGet),
            props);
    dlq =
        driver.createOutputTopic(
            Topics.ENRICH_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

    driver
        .createInputTopic(raw.name(), new ByteArraySerializer(), new ByteArraySerializer())
        .pipeInput("twitter:junk".getBytes(StandardCharsets.UTF_8), garbage);

    DeadLetter dead = oneDeadLetter();
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(dead.reason()).isEqualTo("deserialization");
    assertThat(dead.stage()).isEqualTo(Stage.ENRICH);
    assertThat(dead.origin()).isEqualTo(Topics.POSTS_RAW + "-0@0");
    assertThat(deadLetters("deserialization")).isEqualTo(1.0);
  }

  @Test
  void recordWithoutAKeyIsDeadLetteredWithTheReason() {
    in.pipeInput((String) null, post("1", "Love my Acme card").build());

    assertThat(keys()).isEmpty();
    assertOneDeadLetterSaying("no key");
    assertThat(deadLetters("invalid")).isEqualTo(1.0);
  }

  @Test
  void copyOfAPostUnderAnotherKeyIsDeadLetteredNotCountedTwice() {
    RawPost post = post("1", "Love my Acme card").build();

    in.pipeInput("twitter:1", post);
    in.pipeInput("replayed/twitter:1", post);

    assertThat(keys()).containsExactly("twitter:1");
    assertOneDeadLetterSaying("'replayed/twitter:1' is not the post's platform:id 'twitter:1'");
  }

  @Test
  void postDatedHoursAheadIsDeadLetteredRatherThanWrittenToTheChangelog() {
    RawPost ahead =
        post("ahead", "Love my Acme card").setCreatedAt(Instant.now().plusSeconds(7_200)).build();

    in.pipeInput("twitter:ahead", ahead);

    assertThat(keys()).isEmpty();
    assertOneDeadLetterSaying("in the future");
  }

  @Test
  void postDatedBefore1970IsDeadLetteredNotDroppedSilently() {
    RawPost ancient =
        post("old", "Love my Acme card")
            .setCreatedAt(Instant.parse("1969-07-20T20:17:00Z"))
            .build();

    in.pipeInput("twitter:old", ancient, Instant.parse("2026-12-01T00:00:00Z"));

    assertThat(keys()).isEmpty();
    assertOneDeadLetterSaying("before 1970");
    assertThat(deadLetters("invalid")).isEqualTo(1.0);
  }

  /** Exactly one record went to enrich.dlq, and its message says {@code why}. */
  private void assertOneDeadLetterSaying(String why) {
    DeadLetter dead = oneDeadLetter();
    assertThat(dead.reason()).isEqualTo("invalid");
    assertThat(dead.message()).contains(why);
  }

  /** The one record on enrich.dlq, read through {@link DeadLetter#from}: every header present. */
  private DeadLetter oneDeadLetter() {
    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    TestRecord<byte[], byte[]> record = dead.get(0);
    return DeadLetter.from(record.headers(), record.key(), record.value());
  }

  private List<String> keys() {
    return out.readKeyValuesToList().stream().map(kv -> kv.key).toList();
  }

  private double deadLetters() {
    return deadLetters("processing");
  }

  private double deadLetters(String reason) {
    Counter c =
        metrics.find(Metrics.DEAD_LETTERS).tag("stage", "enrich").tag("reason", reason).counter();
    return c == null ? 0 : c.count();
  }
}
