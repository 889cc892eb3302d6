package dev.earshot.enrich.routing;

import java.nio.file.Path;

/**
 * The department and stage models an enricher uses; either may be null, and then the taxonomy's
 * rules decide alone (the first listed label that matches).
 */
public record RoutingModels(RoutingModel department, RoutingModel stage) {
  static final String DEPARTMENT_RESOURCE = "/routing/department.tsv";
  static final String STAGE_RESOURCE = "/routing/stage.tsv";

  /** The models bundled with earshot, trained for the default taxonomy's labels. */
  public static RoutingModels bundled() {
    return new RoutingModels(
        RoutingModel.resource(DEPARTMENT_RESOURCE), RoutingModel.resource(STAGE_RESOURCE));
  }

  /**
   * The models {@code enrich.routing} asks for: {@code model} (the bundled ones, or the files
   * given) or {@code rules} (none).
   *
   * @param departmentFile a department model file, or null for the bundled one
   * @param stageFile a stage model file, or null for the bundled one
   */
  public static RoutingModels configured(String routing, Path departmentFile, Path stageFile) {
    return switch (routing.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "rules" -> rulesOnly();
      case "model" ->
          new RoutingModels(
              departmentFile == null
                  ? RoutingModel.resource(DEPARTMENT_RESOURCE)
                  : RoutingModel.read(departmentFile),
              stageFile == null
                  ? RoutingModel.resource(STAGE_RESOURCE)
                  : RoutingModel.read(stageFile));
      default ->
          throw new IllegalArgumentException(
              "enrich.routing must be model or rules, was '" + routing + "'");
    };
  }

  /** No models: the rules decide ({@code enrich.routing=rules}). */
  public static RoutingModels rulesOnly() {
    return new RoutingModels(null, null);
  }
}
