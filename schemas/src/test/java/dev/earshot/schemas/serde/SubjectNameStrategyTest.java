package dev.earshot.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.avro.RawPost;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectNameStrategyTest {
  private static final Schema RAW_POST = RawPost.getClassSchema();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "topic, TOPIC_NAME",
    "TOPIC_NAME, TOPIC_NAME",
    "io.confluent.kafka.serializers.subject.TopicNameStrategy, TOPIC_NAME",
    "record, RECORD_NAME",
    "RECORD_NAME, RECORD_NAME",
    "io.confluent.kafka.serializers.subject.RecordNameStrategy, RECORD_NAME",
    "topic-record, TOPIC_RECORD_NAME",
    "TOPIC_RECORD_NAME, TOPIC_RECORD_NAME",
    "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, TOPIC_RECORD_NAME",
  })
  void shouldParseShortNamesEnumNamesAndConfluentClassNames(
      String value, SubjectNameStrategy expected) {
    assertThat(SubjectNameStrategy.parse(value)).isEqualTo(expected);
  }

  @Test
  void shouldRejectUnknownStrategyNamingIt() {
    assertThatThrownBy(() -> SubjectNameStrategy.parse("com.example.MyStrategy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.example.MyStrategy");
  }

  @Test
  void shouldNameTopicSubjectWithKeyOrValueSuffix() {
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("posts.raw", false, RAW_POST))
        .isEqualTo("posts.raw-value");
    assertThat(SubjectNameStrategy.TOPIC_NAME.subject("posts.raw", true, RAW_POST))
        .isEqualTo("posts.raw-key");
  }

  @Test
  void shouldNameRecordSubjectByFullRecordNameRegardlessOfTopic() {
    assertThat(SubjectNameStrategy.RECORD_NAME.subject("posts.raw", false, RAW_POST))
        .isEqualTo("dev.earshot.avro.RawPost");
    assertThat(SubjectNameStrategy.RECORD_NAME.subject("elsewhere", true, RAW_POST))
        .isEqualTo("dev.earshot.avro.RawPost");
  }

  @Test
  void shouldNameTopicRecordSubjectByTopicAndFullRecordName() {
    assertThat(SubjectNameStrategy.TOPIC_RECORD_NAME.subject("posts.raw", false, RAW_POST))
        .isEqualTo("posts.raw-dev.earshot.avro.RawPost");
  }

  @Test
  void shouldDefaultToTopicNameForKeysAndValues() {
    SerdeConfig config = SerdeConfig.fromMap(java.util.Map.of());

    assertThat(config.autoRegister()).isTrue();
    assertThat(config.strategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(config.strategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
  }
}
