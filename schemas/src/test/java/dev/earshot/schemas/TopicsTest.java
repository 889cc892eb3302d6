package dev.earshot.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.internals.Topic;
import org.junit.jupiter.api.Test;

/**
 * {@link Topics#all()} is what TopicSetup creates, so it must hold every topic the code uses, each
 * created the way its records need. The expectations come from elsewhere: the constants, the topics
 * {@link PipelineTopics} writes typed records to (and their value types), Kafka's own rules for
 * names, and the pipeline's stages.
 */
class TopicsTest {
  /** The pipeline's stages, one service module each; each has its own dead-letter topic. */

  /**
   * Records that are events: each one counts, so a newer one with the same key must not erase it.
   */
  private static final Set<Class<?>> EVENTS = Set.of(RawPost.class, EnrichedPost.class);

  private static final Map<String, Topics.Spec> SPECS = new LinkedHashMap<>();

  static {
    Topics.all().forEach(spec -> SPECS.put(spec.name(), spec));
  }

  @Test
  void listsEveryTopicConstantAndEveryViewsTopicsOnceAndNothingElse() {
    List<String> expected = new ArrayList<>(constants().values());
    assertThat(expected).isNotEmpty();
    expected.addAll(viewTopics().keySet());

    assertThat(Topics.all()).hasSameSizeAs(SPECS.keySet()); // no name twice
    assertThat(SPECS.keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void finalWindowsAreEventsAndWindowUpdatesAreCompactedAndTimeBounded() {
    // A final record is appended once per window: deleting by time only. An update replaces the
    // window's previous value: compacted, and deleted by time so old windows do not pile up.
    viewTopics()
        .forEach(
            (name, cleanup) -> assertThat(SPECS.get(name).cleanup()).as(name).isEqualTo(cleanup));
  }

  /** Every view's final and updates topic for every default window size, with its cleanup. */
  private static Map<String, Topics.Cleanup> viewTopics() {
    Map<String, Topics.Cleanup> topics = new LinkedHashMap<>();
    for (View view : View.values()) {
      for (WindowSize size : WindowSize.DEFAULTS) {
        String prefix = "aggregates." + view.id() + "." + size.token();
        topics.put(prefix + ".final", Topics.Cleanup.DELETE);
        topics.put(prefix + ".updates", Topics.Cleanup.COMPACT_DELETE);
      }
    }
    return topics;
  }

  @Test
  void listsEveryTopicThePipelineWritesTypedRecordsTo() {
    assertThat(SPECS.keySet()).containsAll(typedTopics().keySet());
  }

  @Test
  void namesAreValidKafkaTopicNamesThatDoNotCollide() {
    List<String> names = new ArrayList<>(SPECS.keySet());
    for (String name : names) {
      assertThatCode(() -> Topic.validate(name)).as(name).doesNotThrowAnyException();
      assertThat(Topic.isInternal(name)).as(name).isFalse();
      assertThat(name).as(name).doesNotStartWith("__");
    }
    // Kafka's metric names turn '.' into '_', so "a.b" and "a_b" would report as one topic.
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        assertThat(Topic.hasCollision(names.get(i), names.get(j)))
            .as("%s and %s collide", names.get(i), names.get(j))
            .isFalse();
      }
    }
  }

  @Test
  void topicsOfEventsAreNotCompactedAndTopicsOfLatestValuesAre() {
    // Compacting posts would drop a post whenever another with the same key came; not compacting
    // a latest-value topic (a window's counts, a taxonomy's versions) would keep every stale value
    // forever and make each reader replay them all.
    typedTopics()
        .forEach(
            (name, valueType) ->
                assertThat(SPECS.get(name).compacted())
                    .as("%s holds %s", name, valueType.getSimpleName())
                    .isEqualTo(!EVENTS.contains(valueType)));
  }

  @Test
  void everyOtherTopicIsAStagesDeadLetterTopicNamedAfterIt() {
    List<String> deadLetters =
        SPECS.keySet().stream()
            .filter(name -> !typedTopics().containsKey(name))
            .filter(name -> !viewTopics().containsKey(name))
            .toList();
    Map<String, String> constants = constants();

    // One per stage, "<stage>.dlq", in a constant "<STAGE>_DLQ"; events, so never compacted.
    // Every stage's dead letters go where TopicSetup creates a topic (Stage names the topic).
    assertThat(deadLetters)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Stage.values()).map(Stage::deadLetterTopic).toList());
    for (Stage stage : Stage.values()) {
      String field = stage.name() + "_DLQ";
      assertThat(constants).as(field).containsEntry(field, stage.tag() + ".dlq");
      assertThat(SPECS.get(stage.deadLetterTopic()).compacted()).as(field).isFalse();
    }
  }

  @Test
  void partitionCountsAreTheDefaultOrPositive() {
    assertThat(Topics.all()).allSatisfy(spec -> assertThat(spec.partitions()).isNotNegative());
  }

  @Test
  void theTaxonomyHasOnePartitionSoEveryEnricherReadsItsVersionsInOrder() {
    assertThat(SPECS.get(new PipelineTopics(registry(), SerdeConfig.DEFAULT).taxonomy().name()))
        .extracting(Topics.Spec::partitions)
        .isEqualTo(1);
  }

  /** Topic name -> value type, for every topic PipelineTopics gives serdes for. */
  private static Map<String, Class<?>> typedTopics() {
    PipelineTopics topics = new PipelineTopics(registry(), SerdeConfig.DEFAULT);
    Map<String, Class<?>> typed = new LinkedHashMap<>();
    for (Method method : PipelineTopics.class.getMethods()) {
      if (method.getReturnType() == TopicWithSerdes.class && method.getParameterCount() == 0) {
        ParameterizedType type = (ParameterizedType) method.getGenericReturnType();
        try {
          TopicWithSerdes<?, ?> topic = (TopicWithSerdes<?, ?>) method.invoke(topics);
          typed.put(topic.name(), (Class<?>) type.getActualTypeArguments()[1]);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(method.getName(), e);
        }
      }
    }
    assertThat(typed).as("topics with serdes").isNotEmpty();
    return typed;
  }

  /** Field name -> value of every public String constant of Topics. */
  private static Map<String, String> constants() {
    Map<String, String> constants = new LinkedHashMap<>();
    Arrays.stream(Topics.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .forEach(f -> constants.put(f.getName(), value(f)));
    return constants;
  }

  private static InMemorySchemaRegistryClient registry() {
    return new InMemorySchemaRegistryClient();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
