package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CreatedAtTimestampExtractorTest {
  private static final Instant CREATED = Instant.parse("2026-10-01T08:00:00Z");
  private static final long RECEIVED = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();

  private static final RawPost RAW =
      RawPost.newBuilder()
          .setId("1")
          .setPlatform("twitter")
          .setText("hi")
          .setCreatedAt(CREATED)
          .setIngestedAt(Instant.ofEpochMilli(RECEIVED))
          .setOrigin("test")
          .build();

  private static long extract(Object value) {
    return new CreatedAtTimestampExtractor()
        .extract(
            new ConsumerRecord<Object, Object>(
                "t",
                0,
                0L,
                RECEIVED,
                TimestampType.LOG_APPEND_TIME,
                0,
                0,
                "k",
                value,
                new RecordHeaders(),
                Optional.empty()),
            0L);
  }

  @Test
  void rawAndEnrichedPostsAreTimedByCreatedAtNotByTheRecordTimestamp() {
    EnrichedPost enriched =
        EnrichedPost.newBuilder()
            .setPost(RAW)
            .setLang("en")
            .setSentiment(new Sentiment("neutral", 0.0, "lexicon"))
            .setAudiences(List.of())
            .setTopics(List.of())
            .setBrands(List.of())
            .setTaxonomyVersion("1@x")
            .setEnrichedAt(Instant.ofEpochMilli(RECEIVED))
            .build();

    assertThat(extract(RAW)).isEqualTo(CREATED.toEpochMilli());
    assertThat(extract(enriched)).isEqualTo(CREATED.toEpochMilli());
  }

  @Test
  void anythingElseKeepsItsRecordTimestamp() {
    assertThat(extract(null)).isEqualTo(RECEIVED);
    assertThat(extract("not a post")).isEqualTo(RECEIVED);
  }

  @Test
  void aPostDatedBefore1970KeepsItsRecordTimestampSoStreamsDoesNotDropItSilently() {
    RawPost ancient =
        RawPost.newBuilder(RAW).setCreatedAt(Instant.parse("1969-07-20T20:17:00Z")).build();

    assertThat(extract(ancient)).isEqualTo(RECEIVED);
  }
}
