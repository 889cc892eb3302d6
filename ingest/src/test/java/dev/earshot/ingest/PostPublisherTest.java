package dev.earshot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The publisher over a {@link MockProducer}: outcomes per send, dead letters that always fit. */
class PostPublisherTest {
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final PostPublisher publisher =
      new PostPublisher(
          producer,
          new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT).rawPosts(),
          metrics);

  private static RawPost post(String id) {
    return RawPost.newBuilder()
        .setId(id)
        .setPlatform("forum")
        .setText("new job, need a higher limit")
        .setCreatedAt(Instant.parse("2026-11-16T09:00:00Z"))
        .setIngestedAt(Instant.parse("2026-11-16T09:00:01Z"))
        .setOrigin("http")
        .build();
  }

  @Test
  void shouldFailOnlyTheSendThatFailedNotTheOnesAfterIt() {
    CompletableFuture<RecordMetadata> first = publisher.publish(post("1"));
    producer.errorNext(new RecordTooLargeException("too large"));

    CompletableFuture<RecordMetadata> second = publisher.publish(post("2"));
    producer.completeNext();

    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompleted().isNotCompletedExceptionally();
    assertThat(metrics.counter("earshot.ingest.published").count()).isEqualTo(1.0);
  }

  @Test
  void shouldRefuseAndStillPublishAfterADeadLetterFailed() {
    PostParser.Invalid why = new PostParser.Invalid("created_at", "bad");
    CompletableFuture<RecordMetadata> dead = publisher.reject(new byte[] {1}, 1, "http", why);
    producer.errorNext(new RecordTooLargeException("too large"));

    CompletableFuture<RecordMetadata> next = publisher.publish(post("3"));
    producer.completeNext();

    assertThat(dead).isCompletedExceptionally();
    assertThat(next).isCompleted().isNotCompletedExceptionally();
  }

  @Test
  void shouldSendRefusedInputAsADeadLetterWithEveryHeaderAndCountItOnceStored() {
    byte[] line = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    PostParser.Invalid why = new PostParser.Invalid("created_at", "created_at is required");

    CompletableFuture<RecordMetadata> stored =
        publisher.reject(line, line.length, "file:posts.jsonl:42", why);

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("ingest.dlq");
    DeadLetter dead = read(sent);
    assertThat(dead.stage()).isEqualTo(Stage.INGEST);
    assertThat(dead.reason()).isEqualTo("created_at");
    assertThat(dead.message()).isEqualTo("created_at is required");
    assertThat(dead.field()).isEqualTo("created_at");
    assertThat(dead.origin()).isEqualTo("file:posts.jsonl:42");
    assertThat(dead.topic()).isNull(); // ingest reads no topic: the origin says where from
    assertThat(dead.key()).isNull();
    assertThat(dead.value()).isEqualTo(line);
    assertThat(dead.originalBytes()).isNull();
    assertThat(deadLetters("created_at")).isZero();

    producer.completeNext();

    assertThat(stored).isCompleted();
    assertThat(deadLetters("created_at")).isEqualTo(1.0);
  }

  @Test
  void shouldCutAnOversizedInputSoItsDeadLetterFitsInAKafkaMessage() {
    byte[] huge = "x".repeat(3_000_000).getBytes(StandardCharsets.UTF_8);
    PostParser.Invalid why = new PostParser.Invalid("created_at", "r".repeat(50_000));

    publisher.reject(huge, huge.length, "http", why);

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("ingest.dlq");
    DeadLetter dead = read(sent);
    assertThat(dead.value()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES);
    assertThat(dead.originalBytes()).isEqualTo(3_000_000L);
    assertThat(dead.message()).hasSize(DeadLetter.MAX_MESSAGE_CHARS);
    assertThat(dead.field()).isEqualTo("created_at");
    assertThat(dead.origin()).isEqualTo("http");
  }

  @Test
  void shouldSayHowLargeABodyWasWhenOnlyItsStartWasRead() {
    publisher.reject(new byte[] {'{'}, 20_000_000L, "http", new PostParser.Invalid("$", "big"));

    DeadLetter dead = read(producer.history().get(0));
    assertThat(dead.value()).hasSize(1);
    assertThat(dead.originalBytes()).isEqualTo(20_000_000L);
    assertThat(dead.reason()).isEqualTo("$");
  }

  @Test
  void shouldKeepASmallInputWhole() {
    publisher.reject(new byte[] {'x'}, 1, "http", new PostParser.Invalid("$", "not JSON"));

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.value()).containsExactly('x');
    assertThat(sent.headers().lastHeader(DeadLetter.ORIGINAL_BYTES)).isNull();
  }

  private static DeadLetter read(ProducerRecord<byte[], byte[]> sent) {
    return DeadLetter.from(sent.headers(), sent.key(), sent.value());
  }

  private double deadLetters(String reason) {
    var counter =
        metrics.find(Metrics.DEAD_LETTERS).tag("stage", "ingest").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
