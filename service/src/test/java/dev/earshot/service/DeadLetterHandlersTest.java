package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.registry.IncompatibleSchemaException;
import dev.earshot.schemas.registry.SchemaRegistryUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {
  private static final String SOURCE = "posts.raw";
  private static final String DLQ = "enrich.dlq";
  private static final String APP_ID = "earshot-enrich";
  private static final byte[] KEY = "twitter:42".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = {0, 0, 0, 0, 9, 1, 2, 3};

  private final MeterRegistry metrics = new SimpleMeterRegistry();

  private static ErrorHandlerContext context() {
    return new DefaultErrorHandlerContext(
        null,
        SOURCE,
        2,
        42L,
        new RecordHeaders(),
        "label-post",
        new TaskId(0, 2),
        1_000L,
        KEY,
        VALUE);
  }

  private Map<String, Object> configs(boolean withDeadLetterTopic, boolean withAppId) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(Metrics.REGISTRY_CONFIG_KEY, metrics);
    if (withDeadLetterTopic) {
      configs.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ);
    }
    if (withAppId) {
      configs.put(StreamsConfig.APPLICATION_ID_CONFIG, APP_ID);
    }
    return configs;
  }

  private double deadLetters(String stage, String reason) {
    Counter counter =
        metrics.find(Metrics.DEAD_LETTERS).tag("stage", stage).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void assertIsDeadLetterOf(
      List<ProducerRecord<byte[], byte[]>> records, Class<? extends Exception> type) {
    assertThat(records).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = records.get(0);
    assertThat(dead.topic()).isEqualTo(DLQ);
    assertThat(dead.key()).isEqualTo(KEY);
    assertThat(dead.value()).isEqualTo(VALUE);
    assertThat(header(dead, "__streams.errors.exception")).isEqualTo(type.getName());
    assertThat(header(dead, "__streams.errors.topic")).isEqualTo(SOURCE);
    assertThat(header(dead, "__streams.errors.offset")).isEqualTo("42");
  }

  @Nested
  class Deserialization {
    private final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    private final ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(SOURCE, 2, 42L, KEY, VALUE);

    @Test
    void shouldFailWithoutDeadLetteringWhenTheRegistryIsDown() {
      handler.configure(configs(true, true));
      Exception outage =
          new SerializationException(
              "cannot read", new SchemaRegistryUnavailableException("registry down", 503, null));

      DeserializationExceptionHandler.Response response =
          handler.handleError(context(), record, outage);

      assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
      assertThat(deadLetters(APP_ID, "deserialization")).isZero();
    }

    @Test
    void shouldResumeAndDeadLetterUnreadableInput() {
      handler.configure(configs(true, true));

      DeserializationExceptionHandler.Response response =
          handler.handleError(context(), record, new SerializationException("unknown magic byte"));

      assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
      assertIsDeadLetterOf(response.deadLetterQueueRecords(), SerializationException.class);
    }

    @Test
    void shouldCountTheDeadLetterUnderTheApplicationIdAndReason() {
      handler.configure(configs(true, true));

      handler.handleError(context(), record, new SerializationException("bad"));
      handler.handleError(context(), record, new SerializationException("bad again"));

      assertThat(deadLetters(APP_ID, "deserialization")).isEqualTo(2.0);
      assertThat(deadLetters(APP_ID, "processing")).isZero();
    }

    @Test
    void shouldCountUnderStageUnknownWithoutAnApplicationId() {
      handler.configure(configs(true, false));

      handler.handleError(context(), record, new SerializationException("bad"));

      assertThat(deadLetters("unknown", "deserialization")).isEqualTo(1.0);
    }

    @Test
    void shouldResumeWithoutACounterWhenNoRegistryIsConfigured() {
      handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DLQ));

      DeserializationExceptionHandler.Response response =
          handler.handleError(context(), record, new SerializationException("bad"));

      assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
      assertThat(response.deadLetterQueueRecords()).hasSize(1);
    }
  }

  @Nested
  class Processing {
    private final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
    private final Record<String, String> record = new Record<>("twitter:42", "post", 1_000L);

    @Test
    void shouldFailWithoutDeadLetteringOnARetriableKafkaError() {
      handler.configure(configs(true, true));

      ProcessingExceptionHandler.Response response =
          handler.handleError(
              context(), record, new StreamsException(new TimeoutException("no metadata")));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
      assertThat(deadLetters(APP_ID, "processing")).isZero();
    }

    @Test
    void shouldFailWithoutDeadLetteringWhenTheRegistryIsDown() {
      handler.configure(configs(true, true));

      ProcessingExceptionHandler.Response response =
          handler.handleError(
              context(),
              record,
              new SerializationException(
                  "cannot write", new SchemaRegistryUnavailableException("down", 0, null)));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldFailWithoutDeadLetteringWhenTheRegistryRefusesTheAppsOwnOutputSchema() {
      // Writing our own output with a schema the registry refuses is not the record's fault: the
      // record is good, the deployment is not. Stop loudly; never dead-letter good posts.
      handler.configure(configs(true, true));

      ProcessingExceptionHandler.Response response =
          handler.handleError(
              context(),
              record,
              new StreamsException(
                  "Unable to serialize record",
                  new SerializationException(
                      "cannot write", new IncompatibleSchemaException("HTTP 409", 409))));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
      assertThat(deadLetters(APP_ID, "processing")).isZero();
    }

    @Test
    void shouldResumeAndDeadLetterARecordThatMakesAProcessorThrow() {
      handler.configure(configs(true, true));

      ProcessingExceptionHandler.Response response =
          handler.handleError(context(), record, new IllegalStateException("parser blew up"));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
      assertIsDeadLetterOf(response.deadLetterQueueRecords(), IllegalStateException.class);
      assertThat(deadLetters(APP_ID, "processing")).isEqualTo(1.0);
      assertThat(deadLetters(APP_ID, "deserialization")).isZero();
    }
  }
}
