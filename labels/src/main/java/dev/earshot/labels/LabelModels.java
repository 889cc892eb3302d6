package dev.earshot.labels;

import dev.earshot.labels.routing.RoutingModel;
import dev.earshot.labels.topics.TopicModel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The trained models an enricher uses beside its taxonomy's rules: topics, department and stage.
 * Any may be null, and then the rules decide alone: topics by their phrases only, department and
 * stage by the first listed label that matches.
 */
public record LabelModels(TopicModel topics, RoutingModel department, RoutingModel stage) {
  static final String DEPARTMENT_RESOURCE = "/routing/department.tsv";
  static final String STAGE_RESOURCE = "/routing/stage.tsv";

  /** The models bundled with earshot, trained for the default taxonomy's labels. */
  public static LabelModels bundled() {
    return configured("model", null, "model", null, null);
  }

  /**
   * No models: the rules decide everything ({@code enrich.topics=rules}, {@code routing=rules}).
   */
  public static LabelModels rulesOnly() {
    return new LabelModels(null, null, null);
  }

  /**
   * The models the configuration asks for; each {@code model} (the bundled one, or the file given)
   * or {@code rules} (none).
   *
   * @param topics {@code enrich.topics}: model or rules
   * @param topicFile a topic model file, or null for the bundled one
   * @param routing {@code enrich.routing}, for department and stage: model or rules
   * @param departmentFile a department model file, or null for the bundled one
   * @param stageFile a stage model file, or null for the bundled one
   */
  public static LabelModels configured(
      String topics, Path topicFile, String routing, Path departmentFile, Path stageFile) {
    TopicModel topicModel =
        useModel("enrich.topics", topics)
            ? topicFile == null ? TopicModel.loadDefault() : TopicModel.read(topicFile)
            : null;
    boolean routed = useModel("enrich.routing", routing);
    return new LabelModels(
        topicModel,
        !routed
            ? null
            : departmentFile == null
                ? RoutingModel.resource(DEPARTMENT_RESOURCE)
                : RoutingModel.read(departmentFile),
        !routed
            ? null
            : stageFile == null
                ? RoutingModel.resource(STAGE_RESOURCE)
                : RoutingModel.read(stageFile));
  }

  /** These models without the department and stage ones: the rules route. */
  public LabelModels withRulesRouting() {
    return new LabelModels(topics, null, null);
  }

  private static boolean useModel(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "model" -> true;
      case "rules" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be model or rules, was '" + value + "'");
    };
  }
}
