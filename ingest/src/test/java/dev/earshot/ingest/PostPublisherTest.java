package dev.earshot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.DeadLetters;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
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
  void shouldCutAnOversizedInputSoItsDeadLetterFitsInAKafkaMessage() {
    byte[] huge = "x".repeat(3_000_000).getBytes(StandardCharsets.UTF_8);
    PostParser.Invalid why = new PostParser.Invalid("created_at", "r".repeat(50_000));

    publisher.reject(huge, huge.length, "http", why);

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("ingest.dlq");
    assertThat(sent.value()).hasSize(DeadLetters.MAX_PAYLOAD_BYTES);
    assertThat(header(sent, DeadLetters.ORIGINAL_BYTES)).isEqualTo("3000000");
    assertThat(header(sent, DeadLetters.REASON)).hasSizeLessThan(DeadLetters.MAX_REASON_CHARS + 4);
    assertThat(header(sent, DeadLetters.FIELD)).isEqualTo("created_at");
  }

  @Test
  void shouldSayHowLargeABodyWasWhenOnlyItsStartWasRead() {
    publisher.reject(new byte[] {'{'}, 20_000_000L, "http", new PostParser.Invalid("$", "big"));

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.value()).hasSize(1);
    assertThat(header(sent, DeadLetters.ORIGINAL_BYTES)).isEqualTo("20000000");
  }

  @Test
  void shouldKeepASmallInputWhole() {
    publisher.reject(new byte[] {'x'}, 1, "http", new PostParser.Invalid("$", "not JSON"));

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.value()).containsExactly('x');
    assertThat(sent.headers().lastHeader(DeadLetters.ORIGINAL_BYTES)).isNull();
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
