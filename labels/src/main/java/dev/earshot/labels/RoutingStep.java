package dev.earshot.labels;

import dev.earshot.labels.routing.RoutingFeatures;
import dev.earshot.labels.routing.RoutingModel;
import dev.earshot.labels.taxonomy.PhraseMatcher;
import dev.earshot.labels.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an English post's department and journey stage are picked: by the taxonomy's rules (the first
 * listed label that matches), or by the trained models. Chosen when the labeller is built, and
 * again for each taxonomy: a model that does not know exactly the taxonomy's labels leaves them to
 * the rules.
 */
interface RoutingStep {
  Logger log = LoggerFactory.getLogger(RoutingStep.class);

  /** The rules alone. */
  RoutingStep BY_RULES =
      new RoutingStep() {
        @Override
        public Route route(Taxonomy taxonomy, PhraseMatcher.Stems stems, Routed post) {
          return Route.byRules(taxonomy, stems);
        }

        @Override
        public boolean readsWords() {
          return false;
        }
      };

  Route route(Taxonomy taxonomy, PhraseMatcher.Stems stems, Routed post);

  /** Whether the step reads the post's word features. */
  boolean readsWords();

  /** A department and a stage, either null. */
  record Route(String department, String stage) {
    static Route byRules(Taxonomy taxonomy, PhraseMatcher.Stems stems) {
      return new Route(taxonomy.department(stems).orElse(null), taxonomy.stage(stems).orElse(null));
    }
  }

  /** What the models read of a post besides its words: what the earlier steps gave it. */
  record Routed(
      List<String> topics, List<String> brands, String sentiment, Map<String, Double> features) {}

  /** The models' step where either model covers the taxonomy's labels; else the rules'. */
  static RoutingStep of(RoutingModel department, RoutingModel stage, Taxonomy taxonomy) {
    RoutingModel departments = covering(department, taxonomy.departmentLabels(), "department");
    RoutingModel stages = covering(stage, taxonomy.stageLabels(), "stage");
    return departments == null && stages == null ? BY_RULES : new ByModels(departments, stages);
  }

  /** The model if it knows exactly the taxonomy's labels; else null, and the rules decide. */
  private static RoutingModel covering(RoutingModel model, List<String> labels, String what) {
    if (model == null) {
      return null;
    }
    if (!model.covers(labels)) {
      log.warn(
          "the {} model knows {}, the taxonomy lists {}: its rules decide the {} until a model is"
              + " trained for it (./earshot train --target {})",
          what,
          model.linear().classes(),
          labels,
          what,
          what);
      return null;
    }
    return model;
  }

  /** Each model over the post's words and the rules' matches; the rules where a model is null. */
  record ByModels(RoutingModel department, RoutingModel stage) implements RoutingStep {
    @Override
    public Route route(Taxonomy taxonomy, PhraseMatcher.Stems stems, Routed post) {
      Map<String, Double> features = post.features();
      RoutingFeatures.addRules(
          taxonomy.departments(stems),
          taxonomy.stages(stems),
          post.topics(),
          post.brands(),
          post.sentiment(),
          features);
      Optional<String> byDepartment =
          department == null ? taxonomy.department(stems) : department.label(features);
      Optional<String> byStage = stage == null ? taxonomy.stage(stems) : stage.label(features);
      return new Route(byDepartment.orElse(null), byStage.orElse(null));
    }

    @Override
    public boolean readsWords() {
      return true;
    }
  }
}
