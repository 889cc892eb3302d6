package dev.earshot.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {
  private static final List<String> NAMES = Topics.all().stream().map(Topics.Spec::name).toList();

  @Test
  void shouldListEveryTopicConstantInAll() {
    List<String> constants =
        Arrays.stream(Topics.class.getDeclaredFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(TopicsTest::value)
            .toList();

    assertThat(constants).isNotEmpty();
    assertThat(NAMES).containsExactlyInAnyOrderElementsOf(constants);
  }

  @Test
  void shouldHaveUniqueNames() {
    assertThat(NAMES).doesNotHaveDuplicates();
  }

  @Test
  void shouldHaveNamesThatDoNotCollideInKafkaMetrics() {
    // Kafka replaces '.' with '_' in metric names, so "a.b" and "a_b" would collide.
    assertThat(NAMES.stream().map(n -> n.replace('.', '_')).toList()).doesNotHaveDuplicates();
  }

  @Test
  void shouldHaveLegalKafkaTopicNames() {
    assertThat(NAMES)
        .allSatisfy(
            name -> {
              assertThat(name).matches("[a-zA-Z0-9._-]{1,249}");
              assertThat(name).isNotIn(".", "..");
              assertThat(name).doesNotStartWith("__");
            });
  }

  @Test
  void shouldCompactAggregateOutputTopic() {
    assertThat(Topics.all())
        .filteredOn(spec -> spec.name().equals(Topics.AUDIENCE_TOPIC_HOURLY))
        .singleElement()
        .extracting(Topics.Spec::compacted)
        .isEqualTo(true);
  }

  @Test
  void shouldNotCompactEventOrDeadLetterTopics() {
    // Posts and dead letters are events, not latest-value tables: compaction would drop records.
    // Only the latest window counts and the latest taxonomy per name matter.
    assertThat(Topics.all())
        .filteredOn(Topics.Spec::compacted)
        .extracting(Topics.Spec::name)
        .containsExactly(Topics.AUDIENCE_TOPIC_HOURLY, Topics.TAXONOMY);
  }

  @Test
  void shouldKeepTheTaxonomyInOnePartitionSoEveryEnricherReadsItInOrder() {
    assertThat(Topics.all())
        .filteredOn(spec -> spec.name().equals(Topics.TAXONOMY))
        .singleElement()
        .extracting(Topics.Spec::partitions)
        .isEqualTo(1);
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
