package dev.earshot.ingest;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.DeadLetters;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.service.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes valid posts to posts.raw (keyed {@code platform:id}, record time = created_at) and
 * refused input to ingest.dlq (the bytes as received, reason, field and origin in headers), on one
 * idempotent producer with acks=all.
 *
 * <p>Failures are loud: a serializer error (e.g. the schema registry is down) is thrown by {@link
 * #publish}; a failed send is rethrown by the next {@link #flush}. Nothing is skipped.
 */
public final class PostPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final TopicWithSerdes<String, RawPost> topic;
  private final Serializer<RawPost> valueSerializer;
  private final Counter published;
  private final MeterRegistry metrics;
  private final AtomicReference<Exception> sendError = new AtomicReference<>();

  public PostPublisher(
      Map<String, String> kafka, TopicWithSerdes<String, RawPost> topic, MeterRegistry metrics) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.valueSerializer = topic.valueSerde().serializer();
    this.metrics = metrics;
    this.published = metrics.counter("earshot.ingest.published");
  }

  public Future<RecordMetadata> publish(RawPost post) {
    throwIfSendFailed();
    String key = PostKeys.of(post.getPlatform(), post.getId());
    byte[] value = valueSerializer.serialize(topic.name(), post);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic.name(),
            null,
            null, // now: retention counts from ingestion; event time is created_at, in the value
            key.getBytes(StandardCharsets.UTF_8),
            value);
    return producer.send(
        record,
        (meta, e) -> {
          if (e != null) {
            sendError.compareAndSet(null, e);
          } else {
            published.increment();
          }
        });
  }

  /** Sends refused input to ingest.dlq with the reason; counts it under its field. */
  public Future<RecordMetadata> reject(byte[] raw, String origin, PostParser.Invalid why) {
    throwIfSendFailed();
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetters.REASON, why.reason().getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetters.FIELD, why.field().getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetters.ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetters.STAGE, "ingest".getBytes(StandardCharsets.UTF_8));
    return producer.send(
        new ProducerRecord<>(
            Topics.INGEST_DLQ, null, origin.getBytes(StandardCharsets.UTF_8), raw, headers),
        (meta, e) -> {
          if (e != null) {
            sendError.compareAndSet(null, e);
          } else {
            Metrics.countDeadLetter(metrics, "ingest", why.field());
          }
        });
  }

  /** Waits for every send so far; throws if any failed. */
  public void flush() {
    producer.flush();
    throwIfSendFailed();
  }

  private void throwIfSendFailed() {
    Exception e = sendError.get();
    if (e != null) {
      throw new KafkaException("a send to Kafka failed; stopping so nothing is lost: " + e, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
