package dev.earshot.labels;

import dev.earshot.labels.model.ModelFiles;
import dev.earshot.labels.routing.RoutingModel;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.topics.TopicModel;

/**
 * The trained models a labeller uses beside its taxonomy's rules: sentiment, topics, department and
 * stage. Any may be null, and then the rules decide alone: sentiment by the scorer the settings
 * name, topics by their phrases only, department and stage by the first listed label that matches.
 */
public record LabelModels(
    SentimentModel sentiment, TopicModel topics, RoutingModel department, RoutingModel stage) {

  /** The models bundled with earshot, trained for the default taxonomy's labels. */
  public static LabelModels bundled() {
    return load(LabellerSettings.defaults());
  }

  /**
   * No models: the rules decide everything ({@code enrich.topics=rules}, {@code routing=rules}).
   */
  public static LabelModels rulesOnly() {
    return new LabelModels(null, null, null, null);
  }

  /** The models the settings ask for: each the file given, else the bundled one, or none. */
  public static LabelModels load(LabellerSettings settings) {
    SentimentModel sentiment =
        settings.sentiment() != SentimentMode.MODEL
            ? null
            : settings.sentimentModelFile() == null
                ? SentimentModel.loadDefault()
                : SentimentModel.read(settings.sentimentModelFile());
    TopicModel topics =
        settings.topics() != ModelOrRules.MODEL
            ? null
            : settings.topicModelFile() == null
                ? TopicModel.loadDefault()
                : TopicModel.read(settings.topicModelFile());
    if (settings.routing() != ModelOrRules.MODEL) {
      return new LabelModels(sentiment, topics, null, null);
    }
    return new LabelModels(
        sentiment,
        topics,
        routing(settings.departmentModelFile(), ModelFiles.DEPARTMENT),
        routing(settings.stageModelFile(), ModelFiles.STAGE));
  }

  private static RoutingModel routing(java.nio.file.Path file, String bundled) {
    return file == null
        ? RoutingModel.resource(ModelFiles.resource(bundled))
        : RoutingModel.read(file);
  }
}
