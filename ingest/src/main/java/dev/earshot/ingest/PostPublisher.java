package dev.earshot.ingest;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.service.EarshotCounter;
import dev.earshot.service.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes valid posts to posts.raw (keyed {@code platform:id}, record time = now) and refused
 * input to ingest.dlq as a {@link DeadLetter} (the bytes as received, cut to {@link
 * DeadLetter#MAX_PAYLOAD_BYTES}; reason, field and origin in headers), on one idempotent producer
 * with acks=all.
 *
 * <p>Each send has its own outcome, the returned future: a caller that must not lose a post waits
 * for it (HTTP answers 202 only then; a replay stops at the first failure). One failed send says
 * nothing about the next one, so a failure never sticks to the publisher: an input too large for
 * Kafka, or a broker that was briefly away, fails that one request, not every request after it.
 */
public final class PostPublisher implements AutoCloseable {
  private final Producer<byte[], byte[]> producer;
  private final TopicWithSerdes<String, RawPost> topic;
  private final Serializer<RawPost> valueSerializer;
  private final Counter published;
  private final MeterRegistry metrics;
  private final KafkaClientMetrics producerMetrics;

  public PostPublisher(
      Map<String, String> kafka, TopicWithSerdes<String, RawPost> topic, MeterRegistry metrics) {
    this(
        new KafkaProducer<>(settings(kafka), new ByteArraySerializer(), new ByteArraySerializer()),
        topic,
        metrics);
  }

  PostPublisher(
      Producer<byte[], byte[]> producer,
      TopicWithSerdes<String, RawPost> topic,
      MeterRegistry metrics) {
    this.producer = producer;
    this.topic = topic;
    this.valueSerializer = topic.valueSerde().serializer();
    this.metrics = metrics;
    this.published = EarshotCounter.INGEST_PUBLISHED.in(metrics);
    // The producer's own metrics (kafka_producer_*: request latency, retries, buffer, errors).
    this.producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(metrics);
  }

  private static Map<String, Object> settings(Map<String, String> kafka) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return props;
  }

  /**
   * Sends the post; the future completes when Kafka has it. A serializer error (e.g. the schema
   * registry is down) is thrown here.
   */
  public CompletableFuture<RecordMetadata> publish(RawPost post) {
    String key = PostKeys.of(post.getPlatform(), post.getId());
    byte[] value = valueSerializer.serialize(topic.name(), post);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic.name(),
            null,
            null, // now: retention counts from ingestion; event time is created_at, in the value
            key.getBytes(StandardCharsets.UTF_8),
            value);
    return send(record, published::increment);
  }

  /**
   * Sends refused input to ingest.dlq; counts it under its field once stored. The reason is the
   * field ({@code $} for the input as a whole), as in the metric; the message is the parser's.
   * Input has no key, so neither has its dead letter.
   *
   * @param originalBytes the size of the input {@code raw} was taken from (larger when only the
   *     start of a body was read)
   * @param origin {@code http} or {@code file:name:line}
   */
  public CompletableFuture<RecordMetadata> reject(
      byte[] raw, long originalBytes, String origin, PostParser.Invalid why) {
    ProducerRecord<byte[], byte[]> dead =
        DeadLetter.of(Stage.INGEST, why.field(), why.reason())
            .origin(origin)
            .field(why.field())
            .value(raw, originalBytes)
            .build();
    return send(
        dead,
        () -> Metrics.countDeadLetter(metrics, Stage.INGEST, DeadLetter.reasonTag(why.field())));
  }

  private CompletableFuture<RecordMetadata> send(
      ProducerRecord<byte[], byte[]> record, Runnable onStored) {
    CompletableFuture<RecordMetadata> outcome = new CompletableFuture<>();
    producer.send(
        record,
        (meta, e) -> {
          if (e != null) {
            outcome.completeExceptionally(e);
          } else {
            onStored.run();
            outcome.complete(meta);
          }
        });
    return outcome;
  }

  /** Waits until every send so far has its outcome. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producerMetrics.close();
    producer.close();
  }
}
