package dev.earshot.labels.topics;

import dev.earshot.labels.model.LinearModel;
import dev.earshot.labels.model.ModelFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the topics a post is about that the taxonomy's phrases miss, in the words around them
 * ("moved our debt to a 0% card"): one yes/no logistic regression per topic ({@link LinearModel},
 * trained by {@code ./earshot train --target topics}) over the post's words ({@link
 * dev.earshot.labels.text.TextFeatures}). A post gets a topic when a phrase of the topic matches,
 * or when the model gives it at least the model's threshold; an exclude phrase of the topic vetoes
 * it either way, so the analysts' rules keep the last word. The bundled model is {@code
 * /topics/model.tsv}, for the default taxonomy's topics; a topic the model does not know is left to
 * the phrases.
 */
public final class TopicModel {
  static final String RESOURCE = ModelFiles.resource(ModelFiles.TOPICS);

  /** The row of the model file that holds each topic's threshold. */
  public static final String THRESHOLD = "<threshold>";

  private final LinearModel model;
  private final double[] thresholds;

  public TopicModel(LinearModel model) {
    double[] row = model.row(THRESHOLD);
    if (row == null) {
      throw new IllegalArgumentException("a topic model needs a " + THRESHOLD + " row");
    }
    for (double t : row) {
      if (!(t > 0 && t < 1)) {
        throw new IllegalArgumentException(
            "a topic model's thresholds are probabilities in (0, 1), got " + Arrays.toString(row));
      }
    }
    this.model = model;
    this.thresholds = row;
  }

  public static TopicModel loadDefault() {
    return new TopicModel(LinearModel.resource(RESOURCE));
  }

  public static TopicModel read(Path file) {
    return new TopicModel(LinearModel.read(file));
  }

  /** The topics this model can find. */
  public List<String> topics() {
    return model.classes();
  }

  /**
   * The post's topics: what the phrases found, plus the topics of {@code taxonomyTopics} the model
   * gives at least their threshold, less what an exclude phrase vetoed.
   *
   * @param features the post's word features (others carry no weight in this model)
   * @param byPhrases the topics the taxonomy's phrases matched (already without the vetoed ones)
   * @param vetoed the topics an exclude phrase in the post ruled out
   * @param taxonomyTopics the topics of the taxonomy in use: a topic it dropped is never given
   */
  public Set<String> topics(
      Map<String, Double> features,
      Collection<String> byPhrases,
      Collection<String> vetoed,
      Collection<String> taxonomyTopics) {
    Set<String> topics = new TreeSet<>(byPhrases);
    double[] p = model.independentProbabilities(features);
    List<String> classes = model.classes();
    for (int c = 0; c < p.length; c++) {
      String topic = classes.get(c);
      if (p[c] >= thresholds[c] && !vetoed.contains(topic) && taxonomyTopics.contains(topic)) {
        topics.add(topic);
      }
    }
    return topics;
  }

  public LinearModel linear() {
    return model;
  }
}
