package dev.earshot.labels;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a {@link Labeller} is built from, under the keys the enrich service reads. The
 * service, the command-line tools, the benchmarks and the tests all build their labeller from one
 * of these, so each setting and its default is written down once: here.
 *
 * @param taxonomyFile a rules file, or null for the bundled default taxonomy
 * @param sentimentModelFile a sentiment model file, or null for the bundled one
 * @param topicModelFile a topic model file, or null for the bundled one
 * @param departmentModelFile a department model file, or null for the bundled one
 * @param stageModelFile a stage model file, or null for the bundled one
 * @param maxTextChars a longer post is refused (and so goes to the dead-letter topic)
 * @param maxTimePerPost a post that takes longer to label is refused; zero: no budget
 */
public record LabellerSettings(
    Path taxonomyFile,
    SentimentMode sentiment,
    Path sentimentModelFile,
    ModelOrRules topics,
    Path topicModelFile,
    ModelOrRules routing,
    Path departmentModelFile,
    Path stageModelFile,
    int maxTextChars,
    Duration maxTimePerPost) {
  public static final String TAXONOMY_FILE = "enrich.taxonomy.file";
  public static final String SENTIMENT = "enrich.sentiment";
  public static final String SENTIMENT_MODEL_FILE = "enrich.sentiment.model.file";
  public static final String TOPICS = "enrich.topics";
  public static final String TOPIC_MODEL_FILE = "enrich.topic.model.file";
  public static final String ROUTING = "enrich.routing";
  public static final String DEPARTMENT_MODEL_FILE = "enrich.department.model.file";
  public static final String STAGE_MODEL_FILE = "enrich.stage.model.file";
  public static final String MAX_TEXT_CHARS = "enrich.max.text.chars";
  public static final String MAX_MILLIS_PER_POST = "enrich.max.millis.per.post";

  // Constants, so that the command-line options can name them as their defaults.
  public static final String DEFAULT_SENTIMENT = "model";
  public static final String DEFAULT_TOPICS = "model";
  public static final String DEFAULT_ROUTING = "model";
  public static final String DEFAULT_MAX_TEXT_CHARS = "10000";

  /** Generous: only a pathological post should ever take this long. */
  public static final String DEFAULT_MAX_MILLIS_PER_POST = "2000";

  /** The value of every key that is not set; the file keys have none (the bundled file is used). */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          SENTIMENT, DEFAULT_SENTIMENT,
          TOPICS, DEFAULT_TOPICS,
          ROUTING, DEFAULT_ROUTING,
          MAX_TEXT_CHARS, DEFAULT_MAX_TEXT_CHARS,
          MAX_MILLIS_PER_POST, DEFAULT_MAX_MILLIS_PER_POST);

  /** Every key, for whoever must list them (the service's properties file documents each). */
  public static final List<String> KEYS =
      List.of(
          TAXONOMY_FILE,
          SENTIMENT,
          SENTIMENT_MODEL_FILE,
          TOPICS,
          TOPIC_MODEL_FILE,
          ROUTING,
          DEPARTMENT_MODEL_FILE,
          STAGE_MODEL_FILE,
          MAX_TEXT_CHARS,
          MAX_MILLIS_PER_POST);

  /** Every setting at its default: the bundled taxonomy and models. */
  public static LabellerSettings defaults() {
    return from(key -> null);
  }

  public static LabellerSettings from(Map<String, String> values) {
    return from(values::get);
  }

  /**
   * The settings under these keys; a key the lookup has no value for (null or blank) takes its
   * default.
   *
   * @throws IllegalArgumentException naming the key of a value that does not parse
   */
  public static LabellerSettings from(Function<String, String> lookup) {
    Function<String, String> value =
        key -> {
          String v = lookup.apply(key);
          return v == null || v.isBlank() ? DEFAULTS.get(key) : v.trim();
        };
    return new LabellerSettings(
        path(value.apply(TAXONOMY_FILE)),
        SentimentMode.parse(value.apply(SENTIMENT)),
        path(value.apply(SENTIMENT_MODEL_FILE)),
        ModelOrRules.parse(TOPICS, value.apply(TOPICS)),
        path(value.apply(TOPIC_MODEL_FILE)),
        ModelOrRules.parse(ROUTING, value.apply(ROUTING)),
        path(value.apply(DEPARTMENT_MODEL_FILE)),
        path(value.apply(STAGE_MODEL_FILE)),
        Math.toIntExact(whole(MAX_TEXT_CHARS, value.apply(MAX_TEXT_CHARS))),
        Duration.ofMillis(whole(MAX_MILLIS_PER_POST, value.apply(MAX_MILLIS_PER_POST))));
  }

  public LabellerSettings withSentiment(SentimentMode sentiment) {
    return new LabellerSettings(
        taxonomyFile,
        sentiment,
        sentimentModelFile,
        topics,
        topicModelFile,
        routing,
        departmentModelFile,
        stageModelFile,
        maxTextChars,
        maxTimePerPost);
  }

  public LabellerSettings withTopics(ModelOrRules topics) {
    return new LabellerSettings(
        taxonomyFile,
        sentiment,
        sentimentModelFile,
        topics,
        topicModelFile,
        routing,
        departmentModelFile,
        stageModelFile,
        maxTextChars,
        maxTimePerPost);
  }

  public LabellerSettings withRouting(ModelOrRules routing) {
    return new LabellerSettings(
        taxonomyFile,
        sentiment,
        sentimentModelFile,
        topics,
        topicModelFile,
        routing,
        departmentModelFile,
        stageModelFile,
        maxTextChars,
        maxTimePerPost);
  }

  public LabellerSettings withMaxTextChars(int maxTextChars) {
    return new LabellerSettings(
        taxonomyFile,
        sentiment,
        sentimentModelFile,
        topics,
        topicModelFile,
        routing,
        departmentModelFile,
        stageModelFile,
        maxTextChars,
        maxTimePerPost);
  }

  public LabellerSettings withMaxTimePerPost(Duration maxTimePerPost) {
    return new LabellerSettings(
        taxonomyFile,
        sentiment,
        sentimentModelFile,
        topics,
        topicModelFile,
        routing,
        departmentModelFile,
        stageModelFile,
        maxTextChars,
        maxTimePerPost);
  }

  private static Path path(String value) {
    return value == null ? null : Path.of(value);
  }

  private static long whole(String key, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "configuration '" + key + "' must be a whole number, was '" + value + "'");
    }
  }
}
