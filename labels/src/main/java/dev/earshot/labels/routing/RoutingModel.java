package dev.earshot.labels.routing;

import dev.earshot.labels.model.LinearModel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A department or journey-stage model: a {@link LinearModel} over {@link RoutingFeatures} whose
 * classes are the taxonomy's labels plus {@value #NONE} (no team should act; no stage shown).
 * Trained by {@code ./earshot train --target department|stage}; the bundled ones are {@code
 * /routing/department.tsv} and {@code /routing/stage.tsv}, for the default taxonomy's labels.
 */
public final class RoutingModel {
  /** The class of posts that get no label. */
  public static final String NONE = "none";

  private final LinearModel model;

  public RoutingModel(LinearModel model) {
    if (!model.classes().contains(NONE)) {
      throw new IllegalArgumentException(
          "a department or stage model needs the class '" + NONE + "', has " + model.classes());
    }
    this.model = model;
  }

  public static RoutingModel resource(String resource) {
    return new RoutingModel(LinearModel.resource(resource));
  }

  public static RoutingModel read(Path file) {
    return new RoutingModel(LinearModel.read(file));
  }

  /**
   * Whether this model can label for a taxonomy with these labels: it must know exactly them. A
   * taxonomy that adds or renames a department needs a model trained for it, or the rules.
   */
  public boolean covers(Collection<String> labels) {
    Set<String> known = new HashSet<>(model.classes());
    known.remove(NONE);
    return known.equals(Set.copyOf(labels));
  }

  /** The most probable label, or empty when that is {@value #NONE}. */
  public Optional<String> label(Map<String, Double> features) {
    String best = model.best(features);
    return NONE.equals(best) ? Optional.empty() : Optional.of(best);
  }

  public LinearModel linear() {
    return model;
  }
}
