package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.Stage;
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
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
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

  /** As {@link StreamsService#properties} hands them over; the application id is not the stage. */
  private Map<String, Object> configs() {
    Map<String, Object> configs = new HashMap<>();
    configs.put(Metrics.REGISTRY_CONFIG_KEY, metrics);
    configs.put(StreamsConfig.APPLICATION_ID_CONFIG, "earshot-enrich");
    configs.put(StreamsService.STAGE_CONFIG_KEY, Stage.ENRICH);
    return configs;
  }

  private double deadLetters(String stage, String reason) {
    Counter counter =
        metrics.find(Metrics.DEAD_LETTERS).tag("stage", stage).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  /** The one dead letter in {@code records}, read as a consumer of the topic would. */
  private static DeadLetter onlyDeadLetter(List<ProducerRecord<byte[], byte[]>> records) {
    assertThat(records).hasSize(1);
    ProducerRecord<byte[], byte[]> sent = records.get(0);
    assertThat(sent.topic()).isEqualTo(DLQ);
    return DeadLetter.from(sent.headers(), sent.key(), sent.value());
  }

  /** The source record as read, with the earshot headers every dead letter carries. */
  private static DeadLetter assertIsDeadLetterOfTheSource(
      List<ProducerRecord<byte[], byte[]>> records, String reason) {
    DeadLetter dead = onlyDeadLetter(records);
    assertThat(dead.key()).isEqualTo(KEY);
    assertThat(dead.value()).isEqualTo(VALUE);
    assertThat(dead.stage()).isEqualTo(Stage.ENRICH);
    assertThat(dead.reason()).isEqualTo(reason);
    assertThat(dead.topic()).isEqualTo(SOURCE);
    assertThat(dead.partition()).isEqualTo(2);
    assertThat(dead.offset()).isEqualTo(42L);
    assertThat(dead.origin()).isEqualTo(SOURCE + "-2@42");
    assertThat(dead.originalBytes()).isNull();
    return dead;
  }

  @Nested
  class Deserialization {
    private final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    private final ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(SOURCE, 2, 42L, KEY, VALUE);

    @Test
    void shouldFailWithoutDeadLetteringWhenTheRegistryIsDown() {
      handler.configure(configs());
      Exception outage =
          new SerializationException(
              "cannot read", new SchemaRegistryUnavailableException("registry down", 503, null));

      DeserializationExceptionHandler.Response response =
          handler.handleError(context(), record, outage);

      assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
      assertThat(deadLetters("enrich", "deserialization")).isZero();
    }

    @Test
    void shouldResumeAndDeadLetterUnreadableInput() {
      handler.configure(configs());

      DeserializationExceptionHandler.Response response =
          handler.handleError(context(), record, new SerializationException("unknown magic byte"));

      assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
      DeadLetter dead =
          assertIsDeadLetterOfTheSource(response.deadLetterQueueRecords(), "deserialization");
      assertThat(dead.message())
          .isEqualTo(SerializationException.class.getName() + ": unknown magic byte");
    }

    @Test
    void shouldCountTheDeadLetterUnderTheStageAndReason() {
      handler.configure(configs());

      handler.handleError(context(), record, new SerializationException("bad"));
      handler.handleError(context(), record, new SerializationException("bad again"));

      assertThat(deadLetters("enrich", "deserialization")).isEqualTo(2.0);
      assertThat(deadLetters("enrich", "processing")).isZero();
    }

    @Test
    void shouldRefuseToStartWithoutAStage() {
      // A dead letter must name its stage, and the stage names the topic: no guessing.
      Map<String, Object> configs = configs();
      configs.remove(StreamsService.STAGE_CONFIG_KEY);

      assertThatThrownBy(() -> handler.configure(configs))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(StreamsService.STAGE_CONFIG_KEY);
    }

    @Test
    void shouldTakeTheStageByItsTagToo() {
      handler.configure(Map.of(StreamsService.STAGE_CONFIG_KEY, "aggregate"));

      DeserializationExceptionHandler.Response response =
          handler.handleError(context(), record, new SerializationException("bad"));

      assertThat(response.deadLetterQueueRecords())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.topic()).isEqualTo("aggregate.dlq");
                assertThat(DeadLetter.from(r.headers(), r.key(), r.value()).stage())
                    .isEqualTo(Stage.AGGREGATE);
              });
    }

    @Test
    void shouldCutAnOversizedRecordAndStateItsSize() {
      handler.configure(configs());
      byte[] big = new byte[DeadLetter.MAX_PAYLOAD_BYTES + 1];

      DeserializationExceptionHandler.Response response =
          handler.handleError(
              context(),
              new ConsumerRecord<>(SOURCE, 2, 42L, KEY, big),
              new SerializationException("bad"));

      DeadLetter dead = onlyDeadLetter(response.deadLetterQueueRecords());
      assertThat(dead.value()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES);
      assertThat(dead.originalBytes()).isEqualTo(big.length);
    }

    @Test
    void shouldResumeWithoutACounterWhenNoRegistryIsConfigured() {
      handler.configure(Map.of(StreamsService.STAGE_CONFIG_KEY, Stage.ENRICH));

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
      handler.configure(configs());

      ProcessingExceptionHandler.Response response =
          handler.handleError(
              context(), record, new StreamsException(new TimeoutException("no metadata")));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
      assertThat(deadLetters("enrich", "processing")).isZero();
    }

    @Test
    void shouldFailWithoutDeadLetteringWhenTheDiskIsFull() {
      handler.configure(configs());

      ProcessingExceptionHandler.Response response =
          handler.handleError(
              context(),
              record,
              new org.apache.kafka.streams.errors.ProcessorStateException(
                  "Error while putting key",
                  new org.rocksdb.RocksDBException(
                      "While appending to file: 000000.dbtmp: No space left on device")));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
      assertThat(deadLetters("enrich", "processing")).isZero();
    }

    @Test
    void shouldFailWithoutDeadLetteringWhenTheRegistryIsDown() {
      handler.configure(configs());

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
      handler.configure(configs());

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
      assertThat(deadLetters("enrich", "processing")).isZero();
    }

    @Test
    void shouldResumeAndDeadLetterARecordThatMakesAProcessorThrow() {
      handler.configure(configs());

      ProcessingExceptionHandler.Response response =
          handler.handleError(context(), record, new IllegalStateException("parser blew up"));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
      DeadLetter dead =
          assertIsDeadLetterOfTheSource(response.deadLetterQueueRecords(), "processing");
      assertThat(dead.message()).isEqualTo("java.lang.IllegalStateException: parser blew up");
      assertThat(deadLetters("enrich", "processing")).isEqualTo(1.0);
      assertThat(deadLetters("enrich", "deserialization")).isZero();
    }

    @Test
    void shouldNameTheInnermostCauseInTheMessage() {
      handler.configure(configs());

      ProcessingExceptionHandler.Response response =
          handler.handleError(
              context(),
              record,
              new StreamsException("wrapped", new IllegalArgumentException("the real reason")));

      assertThat(onlyDeadLetter(response.deadLetterQueueRecords()).message())
          .startsWith(StreamsException.class.getName() + ": wrapped")
          .endsWith("caused by java.lang.IllegalArgumentException: the real reason");
    }

    @Test
    void shouldStillWriteAFullDeadLetterWhenThereIsNoSourceRecord() {
      // A punctuation has no source record: no topic, partition -1, offset -1, no raw bytes.
      handler.configure(configs());
      ErrorHandlerContext punctuation =
          new DefaultErrorHandlerContext(
              null,
              null,
              -1,
              -1L,
              new RecordHeaders(),
              "emit",
              new TaskId(0, 2),
              1_000L,
              null,
              null);

      ProcessingExceptionHandler.Response response =
          handler.handleError(punctuation, record, new IllegalStateException("boom"));

      DeadLetter dead = onlyDeadLetter(response.deadLetterQueueRecords());
      assertThat(dead.origin()).isEqualTo("no source record");
      assertThat(dead.topic()).isNull();
      assertThat(dead.key()).isNull();
      assertThat(dead.value()).isNull();
    }

    @Test
    void shouldDeadLetterARefusedRecordUnderItsOwnReasonAndMessage() {
      handler.configure(configs());

      ProcessingExceptionHandler.Response response =
          handler.handleError(context(), record, new InvalidRecordException("no key"));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
      DeadLetter dead = assertIsDeadLetterOfTheSource(response.deadLetterQueueRecords(), "invalid");
      assertThat(dead.message()).isEqualTo("no key");
      assertThat(deadLetters("enrich", "invalid")).isEqualTo(1.0);
      assertThat(deadLetters("enrich", "processing")).isZero();
    }
  }
}
