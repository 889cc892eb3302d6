package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.TaxonomyDocument;
import dev.earshot.ingest.JsonlReplay;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.schemas.DeadLetters;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.IncompatibleSchemaException;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryClient;
import dev.earshot.schemas.serde.AvroDeserializer;
import dev.earshot.schemas.serde.AvroSerializer;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.TopicSetup;
import dev.earshot.tools.TaxonomyPublisher;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real Kafka broker and a real schema registry: known posts go in through
 * ingest, and the query API must report exactly the counts the labels imply - no post dropped, none
 * counted twice (the file holds a re-delivered duplicate), the invalid lines in the dead-letter
 * topic - and must still report them after the stack restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {
  private static final int VALID_POSTS = 28;
  private static final int INVALID_LINES = 3;
  private static final String RANGE = "?from=2026-11-16&to=2026-11-21";
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalStack.Settings settings;
  private LocalStack stack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void startStack(@TempDir Path dataDir) {
    settings = LocalStack.Settings.onFreePorts(dataDir, ApicurioDistribution.locate());
    stack = LocalStack.start(settings);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void shouldCountEveryValidPostExactlyOnceThroughAllStages() throws Exception {
    JsonlReplay.Summary summary;
    try (InputStream in = PipelineIT.class.getResourceAsStream(ItPosts.RESOURCE)) {
      summary = stack.replay(in, "posts.jsonl");
    }
    assertThat(summary.rejected()).isEqualTo(INVALID_LINES);
    assertThat(summary.published()).isEqualTo(VALID_POSTS + 1); // one line is a re-delivery

    Map<String, long[]> expected = ItPosts.expectedCells();
    // Facts of the test file, independent of the enricher's code:
    assertThat(expected.get("newlyweds|card-consolidation")[0]).isEqualTo(10);
    assertThat(expected.get("entrepreneurs|project-financing")[0]).isEqualTo(6);
    assertThat(expected.get("new-job|credit-limit")[0]).isEqualTo(5);

    awaitAllConsumed("earshot-enrich", Topics.POSTS_RAW);
    awaitAllConsumed("earshot-aggregate", Topics.POSTS_ENRICHED);
    awaitAllConsumed("earshot-aggregate", "earshot-aggregate-by-audience-topic-repartition");
    await()
        .atMost(PROCESSING_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(actualCells()).isEqualTo(ItPosts.asText(expected)));

    // Every stage: posts.enriched holds each valid post once (the duplicate was dropped).
    assertThat(enrichedKeys()).hasSize(VALID_POSTS).doesNotHaveDuplicates();
    // The posts are from 2026-11-16, older than the topics' 7-day retention: their records carry
    // the time Kafka received them, so the broker's retention check does not delete them unread.
    for (String topic : List.of(Topics.POSTS_RAW, Topics.POSTS_ENRICHED, Topics.INGEST_DLQ)) {
      assertThat(readAll(topic))
          .as(topic)
          .isNotEmpty()
          .allMatch(r -> r.timestampType() == TimestampType.LOG_APPEND_TIME)
          .allMatch(r -> r.timestamp() > System.currentTimeMillis() - 3_600_000L);
    }

    JsonNode cell = get("/api/v1/audience-topics/newlyweds/card-consolidation" + RANGE);
    JsonNode totals = cell.path("result").path("totals");
    assertThat(totals.path("posts").asLong()).isEqualTo(10);
    long[] nw = expected.get("newlyweds|card-consolidation");
    assertThat(totals.path("positive").asLong()).isEqualTo(nw[1]);
    assertThat(totals.path("neutral").asLong()).isEqualTo(nw[2]);
    assertThat(totals.path("negative").asLong()).isEqualTo(nw[3]);
    // The posts span two hourly windows on 2026-11-16.
    assertThat(cell.path("result").path("windows")).hasSize(2);

    // Nothing was late (the grace covers the file's span) and nothing failed downstream.
    assertThat(readAll(Topics.AGGREGATE_DLQ)).isEmpty();
    assertThat(readAll(Topics.ENRICH_DLQ)).isEmpty();

    List<ConsumerRecord<byte[], byte[]>> rejected = readAll(Topics.INGEST_DLQ);
    assertThat(rejected).hasSize(INVALID_LINES);
    assertThat(rejected)
        .extracting(r -> header(r, DeadLetters.FIELD))
        .containsExactlyInAnyOrder("text", "created_at", "$");
    assertThat(rejected)
        .extracting(r -> header(r, DeadLetters.ORIGIN))
        .allMatch(origin -> origin.startsWith("file:posts.jsonl:"));
  }

  @Test
  @Order(2)
  void shouldRefuseBadInputWithA400NamingTheField() throws Exception {
    HttpResponse<String> noText =
        post(
            stack.ingestUrl() + "/api/v1/posts",
            "{\"id\":\"x\",\"platform\":\"twitter\",\"created_at\":\"2026-11-16T10:00:00Z\"}");
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noText.body()).path("field").asText()).isEqualTo("text");

    HttpResponse<String> badRange =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(stack.aggregateUrl() + "/api/v1/audience-topics?from=soon"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badRange.body()).path("field").asText()).isEqualTo("from");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(readAll(Topics.INGEST_DLQ)).hasSize(INVALID_LINES + 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(metric(stack.ingestUrl(), "earshot_dead_letters_total"))
                    .isEqualTo(INVALID_LINES + 1));
  }

  @Test
  @Order(3)
  void shouldReadRecordsWrittenWithEitherSchemaVersionThroughTheRealRegistry() throws Exception {
    String topic = "schema-evolution-it";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient(RegistryConfig.of(stack.registryUrl()));
    Schema v1 = RawPost.getClassSchema();
    Schema v2 = SchemaEvolution.withOptionalField(v1, "title");
    String subject = topic + "-value";

    // v1 through the serializer the services use; v2 registered as a second version.
    AvroSerializer<RawPost> v1Writer = new AvroSerializer<>(registry, SerdeConfig.DEFAULT, false);
    RawPost old = samplePost("evo-1");
    byte[] writtenWithV1 = v1Writer.serialize(topic, old);
    int v2Id = registry.register(subject, v2);
    assertThat(registry.versions(subject)).containsExactly(1, 2);
    GenericRecord newer = new GenericData.Record(v2);
    RawPost newerFields = samplePost("evo-2");
    for (Schema.Field f : v1.getFields()) {
      newer.put(f.name(), GenericData.get().deepCopy(f.schema(), newerFields.get(f.pos())));
    }
    newer.put("title", "a title only v2 knows");
    byte[] writtenWithV2 = SchemaEvolution.write(v2Id, newer);

    // Both go through the real broker.
    Properties props = new Properties();
    props.put("bootstrap.servers", stack.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, writtenWithV1)).get();
      producer.send(new ProducerRecord<>(topic, writtenWithV2)).get();
    }
    List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);
    assertThat(records).hasSize(2);

    // A v1 reader (the generated class) reads both; the v2-only field is ignored.
    AvroDeserializer<RawPost> v1Reader = new AvroDeserializer<>(registry, RawPost.class);
    assertThat(v1Reader.deserialize(topic, records.get(0).value())).isEqualTo(old);
    assertThat(v1Reader.deserialize(topic, records.get(1).value())).isEqualTo(newerFields);

    // A v2 reader reads both; records written with v1 get the new field's default.
    GenericRecord oldAsV2 = SchemaEvolution.read(registry, records.get(0).value(), v2);
    GenericRecord newAsV2 = SchemaEvolution.read(registry, records.get(1).value(), v2);
    assertThat(oldAsV2.get("title")).isNull();
    assertThat(oldAsV2.get("id").toString()).isEqualTo("evo-1");
    assertThat(newAsV2.get("title").toString()).isEqualTo("a title only v2 knows");
    assertThat(newAsV2.get("id").toString()).isEqualTo("evo-2");

    // Apicurio answers HTTP 409 (error_code 409, not Confluent's 40901): still recognised.
    assertThat(registry.isCompatible(subject, SchemaEvolution.withRequiredField(v2, "n")))
        .isFalse();
    assertThatThrownBy(() -> registry.register(subject, SchemaEvolution.withRequiredField(v2, "n")))
        .isInstanceOf(IncompatibleSchemaException.class);
    assertThat(registry.compatibility(null)).isEqualTo("BACKWARD");
  }

  private static RawPost samplePost(String id) {
    return RawPost.newBuilder()
        .setId(id)
        .setPlatform("twitter")
        .setText("schema evolution " + id)
        .setCreatedAt(Instant.parse("2026-11-16T10:00:00Z"))
        .setIngestedAt(Instant.parse("2026-11-16T10:00:01Z"))
        .setOrigin("test")
        .build();
  }

  @Test
  @Order(4)
  void shouldSwitchEnrichersToAPublishedTaxonomyWithoutARestartAndRefuseABrokenOne()
      throws Exception {
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient(RegistryConfig.of(stack.registryUrl()));
    PipelineTopics topics = new PipelineTopics(registry, SerdeConfig.DEFAULT);
    Map<String, String> kafka = Map.of("bootstrap.servers", stack.bootstrapServers());

    // The default taxonomy plus one topic, as an analyst would edit it.
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode rules;
    try (InputStream in = Taxonomy.class.getResourceAsStream(TaxonomyParser.DEFAULT_RESOURCE)) {
      rules = (ObjectNode) yaml.readTree(in);
    }
    rules.put("version", "it-2");
    ((ObjectNode) rules.path("topics")).putObject("zebra-talk").putArray("phrases").add("zebra");
    String version =
        TaxonomyPublisher.publish(
            kafka,
            topics.taxonomy(),
            "default",
            yaml.writeValueAsString(rules),
            "it",
            "PipelineIT",
            Clock.systemUTC());

    String post =
        "{\"id\":\"zebra-%d\",\"platform\":\"forum\",\"text\":\"Saw a zebra at the zoo\","
            + "\"created_at\":\"2026-11-19T17:00:00Z\"}";
    await()
        .atMost(PROCESSING_TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              // Posted until one is labelled with the new version: the switch is asynchronous.
              String id = "zebra-" + System.nanoTime();
              post(stack.ingestUrl() + "/api/v1/posts", post.replace("zebra-%d", id));
              EnrichedPost labelled = awaitEnriched("forum:" + id);
              assertThat(labelled.getTaxonomyVersion()).isEqualTo(version);
              assertThat(labelled.getTopics()).containsExactly("zebra-talk");
            });

    // A broken version that bypassed the check reaches the topic: the enrichers refuse it.
    Properties props = new Properties();
    props.put("bootstrap.servers", stack.bootstrapServers());
    try (KafkaProducer<String, TaxonomyDocument> producer =
        new KafkaProducer<>(
            props,
            topics.taxonomy().keySerde().serializer(),
            topics.taxonomy().valueSerde().serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.TAXONOMY,
                  "default",
                  new TaxonomyDocument("default", "version: [", Instant.now(), "PipelineIT")))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(metric(stack.enrichUrl(), "earshot_enrich_taxonomy_rejected_total"))
                    .isEqualTo(1));
    String id = "zebra-after-broken";
    assertThat(post(stack.ingestUrl() + "/api/v1/posts", post.replace("zebra-%d", id)).statusCode())
        .isEqualTo(202);
    assertThat(awaitEnriched("forum:" + id).getTaxonomyVersion()).isEqualTo(version);
  }

  /** The enriched record for a post key, once it is on posts.enriched. */
  private EnrichedPost awaitEnriched(String key) {
    AvroDeserializer<EnrichedPost> reader =
        new AvroDeserializer<>(
            new RestSchemaRegistryClient(RegistryConfig.of(stack.registryUrl())),
            EnrichedPost.class);
    EnrichedPost[] found = new EnrichedPost[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.POSTS_ENRICHED)) {
                if (key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                  found[0] = reader.deserialize(Topics.POSTS_ENRICHED, r.value());
                }
              }
              assertThat(found[0]).as("enriched %s", key).isNotNull();
            });
    return found[0];
  }

  @Test
  @Order(5)
  void shouldKeepCountsAndSchemaIdsAcrossARestart() throws Exception {
    // Everything posted so far is counted and committed before the snapshot.
    awaitAllConsumed("earshot-enrich", Topics.POSTS_RAW);
    awaitAllConsumed("earshot-aggregate", Topics.POSTS_ENRICHED);
    awaitAllConsumed("earshot-aggregate", "earshot-aggregate-by-audience-topic-repartition");
    Map<String, String> before = actualCells();
    int rawSchemaId = schemaId("posts.raw-value");
    stack.close();
    stack = LocalStack.start(settings);

    assertThat(actualCells()).isEqualTo(before);
    assertThat(schemaId("posts.raw-value")).isEqualTo(rawSchemaId);

    // The restarted pipeline still counts new posts, and still drops re-deliveries.
    String newPost =
        "{\"id\":\"it-900\",\"platform\":\"twitter\",\"text\":\"Just married, balance transfer"
            + " done with Acme\",\"created_at\":\"2026-11-16T09:30:00Z\"}";
    assertThat(post(stack.ingestUrl() + "/api/v1/posts", newPost).statusCode()).isEqualTo(202);
    assertThat(post(stack.ingestUrl() + "/api/v1/posts", newPost).statusCode()).isEqualTo(202);
    await()
        .atMost(PROCESSING_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/v1/audience-topics/newlyweds/card-consolidation" + RANGE)
                            .path("result")
                            .path("totals")
                            .path("posts")
                            .asLong())
                    .isEqualTo(11));
    awaitAllConsumed("earshot-enrich", Topics.POSTS_RAW);
    awaitAllConsumed("earshot-aggregate", Topics.POSTS_ENRICHED);
    assertThat(enrichedKeys()).doesNotHaveDuplicates().contains("twitter:it-900");
  }

  private Map<String, String> actualCells() throws Exception {
    return ItPosts.cells(get("/api/v1/audience-topics" + RANGE).path("result"));
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.aggregateUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double metric(String baseUrl, String name) throws Exception {
    String text =
        http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private int schemaId(String subject) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(stack.registryUrl() + "/subjects/" + subject + "/versions/latest"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("id").asInt();
  }

  @Test
  @Order(6)
  void topicSetupGivesExistingPostTopicsAppendTimeAndLeavesTheRestAlone() throws Exception {
    ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POSTS_RAW);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      // a posts.raw made by an earlier version, or by hand, with producer timestamps
      admin
          .incrementalAlterConfigs(
              Map.of(
                  raw,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(
                              TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                              TimestampType.CREATE_TIME.toString()),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get();

      assertThat(TopicSetup.ensure(admin, settings.partitions(), (short) 1))
          .containsExactly(Topics.POSTS_RAW);
      assertThat(
              admin
                  .describeConfigs(List.of(raw))
                  .all()
                  .get()
                  .get(raw)
                  .get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)
                  .value())
          .isEqualTo(TimestampType.LOG_APPEND_TIME.toString());
      assertThat(TopicSetup.ensure(admin, settings.partitions(), (short) 1)).isEmpty();
    }
  }

  /** Waits until the group's committed offsets reach the end of every partition of the topic. */
  private void awaitAllConsumed(String group, String topic) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      await()
          .atMost(PROCESSING_TIMEOUT)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (int p = 0; p < settings.partitions(); p++) {
                  ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                admin
                    .listOffsets(ends)
                    .all()
                    .get()
                    .forEach(
                        (tp, end) -> {
                          OffsetAndMetadata c = committed.get(tp);
                          // Under exactly-once the last offset is a transaction marker.
                          assertThat(end.offset() == 0 || (c != null && c.offset() >= end.offset()))
                              .as("%s committed %s of %s", tp, c, end.offset())
                              .isTrue();
                        });
              });
    }
  }

  private List<String> enrichedKeys() {
    List<String> keys = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.POSTS_ENRICHED)) {
      keys.add(new String(r.key(), StandardCharsets.UTF_8));
    }
    return keys;
  }

  /** Every committed record of the topic, read from the start. */
  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    return StackProbe.readCommitted(stack.bootstrapServers(), topic);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
