package dev.earshot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryUnavailableException;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.Failures;
import dev.earshot.service.Registry;
import dev.earshot.service.ServiceConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What can be checked without a broker: {@link PostPublisher} builds its own KafkaProducer (no
 * seam), so these tests point a real producer at a closed port. A successful publish needs a broker
 * and is covered by the pipeline integration test; here: blank lines, and that a failed send or a
 * registry outage stops the replay instead of skipping records.
 */
@Timeout(60)
class JsonlReplayTest {
  private static final String VALID =
      "{\"id\":\"1\",\"platform\":\"forum\",\"text\":\"new job, need a higher limit\","
          + "\"created_at\":\"2026-11-16T09:00:00Z\"}";

  private static int closedPort;

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final PostParser parser =
      new PostParser(Clock.fixed(Instant.parse("2026-11-16T10:00:00Z"), ZoneOffset.UTC));
  private PostPublisher publisher;

  @BeforeAll
  static void findClosedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
  }

  @AfterEach
  void close() {
    if (publisher != null) {
      publisher.close();
    }
  }

  private static Map<String, String> unreachableKafka() {
    return Map.of("bootstrap.servers", "127.0.0.1:" + closedPort, "max.block.ms", "300");
  }

  private static TopicWithSerdes<String, RawPost> inMemoryRegistryTopic() {
    return new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT).rawPosts();
  }

  private JsonlReplay replay(TopicWithSerdes<String, RawPost> topic) {
    publisher = new PostPublisher(unreachableKafka(), topic, metrics);
    return new JsonlReplay(parser, publisher);
  }

  private static InputStream lines(String... lines) {
    return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldCountBlankLinesWithoutPublishingOrRefusingThem() throws IOException {
    JsonlReplay replay = replay(inMemoryRegistryTopic());

    JsonlReplay.Summary summary = replay.replay(lines("", "   ", "\t", ""), "blank.jsonl");

    assertThat(summary).isEqualTo(new JsonlReplay.Summary(3, 0, 0));
  }

  @Test
  void shouldStopLoudlyWhenAPostCannotBeSent() {
    JsonlReplay replay = replay(inMemoryRegistryTopic());

    assertThatThrownBy(() -> replay.replay(lines(VALID), "posts.jsonl"))
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("a send to Kafka failed");
    assertThat(metrics.counter("earshot.ingest.published").count()).isZero();
  }

  @Test
  void shouldNotGoOnToTheNextLineAfterAFailedSend() {
    JsonlReplay replay = replay(inMemoryRegistryTopic());
    String second = VALID.replace("\"id\":\"1\"", "\"id\":\"2\"");

    // The second publish must refuse to send rather than carry on past the lost first post.
    assertThatThrownBy(() -> replay.replay(lines(VALID, second), "posts.jsonl"))
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("a send to Kafka failed");
  }

  @Test
  void shouldStopLoudlyWhenARefusedLineCannotBeDeadLettered() {
    JsonlReplay replay = replay(inMemoryRegistryTopic());

    assertThatThrownBy(() -> replay.replay(lines("not json"), "posts.jsonl"))
        .isInstanceOf(KafkaException.class)
        .hasMessageContaining("a send to Kafka failed");
  }

  @Test
  void shouldStopAtTheFirstPostWhenTheSchemaRegistryIsDown() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                "schema.registry.url", "http://127.0.0.1:" + closedPort,
                "schema.registry.retries", "0",
                "schema.registry.request.timeout.ms", "2000"));
    JsonlReplay replay = replay(Registry.topics(config).rawPosts());

    assertThatThrownBy(() -> replay.replay(lines("", VALID), "posts.jsonl"))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("connection refused")
        .satisfies(e -> assertThat(Failures.isOutage(e)).isTrue());
    assertThat(metrics.counter("earshot.ingest.published").count()).isZero();
  }

  @Test
  void aLineOver1MbIsDeadLetteredCutAndTheNextLinesGoOn() throws IOException {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    publisher = new PostPublisher(producer, inMemoryRegistryTopic(), metrics);
    String huge = "{\"id\":\"" + "x".repeat(2_000_000) + "\"}";

    JsonlReplay.Summary summary =
        new JsonlReplay(parser, publisher)
            .replay(lines(VALID, huge, VALID.replace("\"id\":\"1\"", "\"id\":\"2\"")), "big.jsonl");

    assertThat(summary).isEqualTo(new JsonlReplay.Summary(3, 2, 1));
    var sent = producer.history().stream().filter(r -> r.topic().equals("ingest.dlq")).toList();
    assertThat(sent).hasSize(1);
    DeadLetter dead =
        DeadLetter.from(sent.get(0).headers(), sent.get(0).key(), sent.get(0).value());
    assertThat(dead.value()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES);
    assertThat(dead.originalBytes()).isEqualTo(huge.length());
    assertThat(dead.origin()).isEqualTo("file:big.jsonl:2");
    assertThat(dead.reason()).isEqualTo("$");
  }
}
