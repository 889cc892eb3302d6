package dev.earshot.tools;

import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command-line tool shares to build its labeller: each is one of the enrich
 * service's settings, read by the same {@link LabellerSettings}, so what a tool shows is what the
 * pipeline does.
 */
final class LabellerOptions {
  @Option(names = "--taxonomy", description = "Rules file (default: the bundled taxonomy).")
  Path taxonomy;

  @Option(
      names = "--sentiment",
      defaultValue = LabellerSettings.DEFAULT_SENTIMENT,
      description = "model, lexicon, rntn-when-no-cue or rntn (default: ${DEFAULT-VALUE}).")
  String sentiment = LabellerSettings.DEFAULT_SENTIMENT;

  @Option(
      names = "--sentiment-model",
      description = "Sentiment model file from train (default: the bundled model).")
  Path sentimentModel;

  @Option(
      names = "--topics",
      defaultValue = LabellerSettings.DEFAULT_TOPICS,
      description =
          "Who finds topics: model (the taxonomy's phrases and a trained model) or rules (the"
              + " phrases alone). Default: ${DEFAULT-VALUE}.")
  String topics = LabellerSettings.DEFAULT_TOPICS;

  @Option(names = "--topic-model", description = "Topic model file from train.")
  Path topicModel;

  @Option(
      names = "--routing",
      defaultValue = LabellerSettings.DEFAULT_ROUTING,
      description =
          "Who picks department and stage: model (trained) or rules (the first listed label that"
              + " matches). Default: ${DEFAULT-VALUE}.")
  String routing = LabellerSettings.DEFAULT_ROUTING;

  @Option(names = "--department-model", description = "Department model file from train.")
  Path departmentModel;

  @Option(names = "--stage-model", description = "Stage model file from train.")
  Path stageModel;

  /** The settings these options give, under the service's keys; unset ones take its defaults. */
  LabellerSettings settings() {
    Map<String, String> values = new HashMap<>();
    put(values, LabellerSettings.TAXONOMY_FILE, taxonomy);
    values.put(LabellerSettings.SENTIMENT, sentiment);
    put(values, LabellerSettings.SENTIMENT_MODEL_FILE, sentimentModel);
    values.put(LabellerSettings.TOPICS, topics);
    put(values, LabellerSettings.TOPIC_MODEL_FILE, topicModel);
    values.put(LabellerSettings.ROUTING, routing);
    put(values, LabellerSettings.DEPARTMENT_MODEL_FILE, departmentModel);
    put(values, LabellerSettings.STAGE_MODEL_FILE, stageModel);
    // No time budget: a tool labels every post it is given, however long the first one's warm-up.
    values.put(LabellerSettings.MAX_MILLIS_PER_POST, "0");
    return LabellerSettings.from(values);
  }

  Labeller create() {
    return Labeller.create(settings());
  }

  private static void put(Map<String, String> values, String key, Path file) {
    if (file != null) {
      values.put(key, file.toString());
    }
  }
}
