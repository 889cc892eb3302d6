package dev.earshot.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
  private static final byte[] KEY = "twitter:42".getBytes(StandardCharsets.UTF_8);

  /** What a consumer of the dead-letter topic would read back. */
  private static DeadLetter readBack(ProducerRecord<byte[], byte[]> sent) {
    return DeadLetter.from(
        new ConsumerRecord<>(
            sent.topic(),
            0,
            0L,
            0L,
            TimestampType.CREATE_TIME,
            0,
            0,
            sent.key(),
            sent.value(),
            sent.headers(),
            Optional.empty()));
  }

  @Test
  void streamsDeadLetterCarriesTheSourceRecordAndGoesToTheStagesTopic() {
    byte[] value = {0, 0, 0, 0, 7, 1, 2};

    ProducerRecord<byte[], byte[]> sent =
        DeadLetter.of(Stage.ENRICH, "processing", "java.lang.IllegalStateException: boom")
            .source("posts.raw", 3, 1234L)
            .key(KEY)
            .value(value)
            .build();

    assertThat(sent.topic()).isEqualTo(Topics.ENRICH_DLQ);
    DeadLetter dead = readBack(sent);
    assertThat(dead.stage()).isEqualTo(Stage.ENRICH);
    assertThat(dead.reason()).isEqualTo("processing");
    assertThat(dead.message()).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(dead.origin()).isEqualTo("posts.raw-3@1234");
    assertThat(dead.topic()).isEqualTo("posts.raw");
    assertThat(dead.partition()).isEqualTo(3);
    assertThat(dead.offset()).isEqualTo(1234L);
    assertThat(dead.field()).isNull();
    assertThat(dead.originalBytes()).isNull();
    assertThat(dead.key()).isEqualTo(KEY);
    assertThat(dead.value()).isEqualTo(value);
  }

  @Test
  void ingestDeadLetterHasAnOriginAndAFieldButNoSourceRecord() {
    ProducerRecord<byte[], byte[]> sent =
        DeadLetter.of(Stage.INGEST, "created_at", "created_at is required")
            .origin("file:posts.jsonl:42")
            .field("created_at")
            .value("{}".getBytes(StandardCharsets.UTF_8))
            .build();

    assertThat(sent.topic()).isEqualTo(Topics.INGEST_DLQ);
    assertThat(sent.key()).isNull();
    assertThat(sent.headers().lastHeader(DeadLetter.TOPIC)).isNull();
    DeadLetter dead = readBack(sent);
    assertThat(dead.stage()).isEqualTo(Stage.INGEST);
    assertThat(dead.origin()).isEqualTo("file:posts.jsonl:42");
    assertThat(dead.field()).isEqualTo("created_at");
    assertThat(dead.topic()).isNull();
    assertThat(dead.offset()).isNull();
  }

  @Test
  void oversizedInputIsCutAndItsFullSizeStated() {
    byte[] huge = new byte[DeadLetter.MAX_PAYLOAD_BYTES + 10];

    DeadLetter dead =
        readBack(
            DeadLetter.of(Stage.AGGREGATE, "processing", "x")
                .source("posts.enriched", 0, 1L)
                .value(huge)
                .build());

    assertThat(dead.value()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES);
    assertThat(dead.originalBytes()).isEqualTo(DeadLetter.MAX_PAYLOAD_BYTES + 10L);
  }

  @Test
  void theStartOfABodyNotReadToItsEndStatesHowMuchWasSeen() {
    DeadLetter dead =
        readBack(
            DeadLetter.of(Stage.INGEST, "$", "too large")
                .origin("http")
                .value(new byte[] {'{'}, 20_000_000L)
                .build());

    assertThat(dead.value()).containsExactly('{');
    assertThat(dead.originalBytes()).isEqualTo(20_000_000L);
  }

  @Test
  void aTombstoneStaysATombstone() {
    DeadLetter dead =
        readBack(
            DeadLetter.of(Stage.ENRICH, "invalid", "no value")
                .source("posts.raw", 0, 5L)
                .key(KEY)
                .value(null)
                .build());

    assertThat(dead.value()).isNull();
    assertThat(dead.originalBytes()).isNull();
  }

  @Test
  void longMessagesAndReasonsAreCut() {
    DeadLetter dead =
        readBack(
            DeadLetter.of(Stage.INGEST, "r".repeat(500), "m".repeat(50_000))
                .origin("http")
                .value(new byte[0])
                .build());

    assertThat(dead.message()).hasSize(DeadLetter.MAX_MESSAGE_CHARS).endsWith("...");
    assertThat(dead.reason()).hasSize(DeadLetter.MAX_REASON_CHARS);
  }

  @Test
  void aHostileKeyIsCutSoTheDeadLetterStillFitsInAKafkaMessage() {
    byte[] key = new byte[900_000];
    byte[] value = new byte[900_000];
    ProducerRecord<byte[], byte[]> record =
        DeadLetter.of(Stage.ENRICH, "invalid", "the key is not the post's")
            .source("posts.raw", 0, 7)
            .key(key)
            .value(value)
            .build();
    DeadLetter dead = readBack(record);

    assertThat(dead.key()).hasSize(DeadLetter.MAX_KEY_BYTES);
    assertThat(dead.value()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES);
    assertThat(new String(record.headers().lastHeader(DeadLetter.ORIGINAL_KEY_BYTES).value()))
        .isEqualTo("900000");
    // Far below the producer's default max.request.size (1 MB), headers included.
    assertThat(record.key().length + record.value().length).isLessThan(300 * 1024);
  }

  @Test
  void theMetricTagIsTheReasonAsTheHeaderCarriesIt() {
    String reason = "r".repeat(500);
    DeadLetter dead =
        readBack(
            DeadLetter.of(Stage.INGEST, reason, "m").origin("http").value(new byte[0]).build());
    assertThat(DeadLetter.reasonTag(reason)).isEqualTo(dead.reason());
    assertThat(DeadLetter.reasonTag(null)).isEqualTo("unknown");
  }

  @Test
  void aDeadLetterNeedsAnOrigin() {
    assertThatThrownBy(() -> DeadLetter.of(Stage.INGEST, "$", "m").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readingARecordWithoutEarshotHeadersFailsNamingTheHeader() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("__streams.errors.message", "x".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> DeadLetter.from(headers, KEY, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DeadLetter.STAGE);
  }

  @Test
  void everyStageHasOneTagAndItsOwnTopic() {
    assertThat(Stage.values())
        .extracting(Stage::tag)
        .containsExactly("ingest", "enrich", "aggregate");
    assertThat(Stage.values())
        .extracting(Stage::deadLetterTopic)
        .containsExactly(Topics.INGEST_DLQ, Topics.ENRICH_DLQ, Topics.AGGREGATE_DLQ);
    assertThat(Stage.fromTag("aggregate")).isEqualTo(Stage.AGGREGATE);
    assertThatThrownBy(() -> Stage.fromTag("earshot-aggregate"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
