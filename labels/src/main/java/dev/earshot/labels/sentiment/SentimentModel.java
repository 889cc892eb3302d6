package dev.earshot.labels.sentiment;

import dev.earshot.labels.model.LinearModel;
import dev.earshot.labels.model.ModelFiles;
import dev.earshot.schemas.Sentiments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentiment model: a {@link LinearModel} over {@link SentimentFeatures} with the classes
 * negative, neutral and positive. Trained by {@code ./earshot train --target sentiment} on the
 * labelled posts in {@code eval/}, never on the held-out sets; the bundled one is {@code
 * /sentiment/model.tsv}.
 */
public final class SentimentModel {
  public static final List<String> CLASSES =
      List.of(Sentiments.NEGATIVE, Sentiments.NEUTRAL, Sentiments.POSITIVE);
  static final String RESOURCE = ModelFiles.resource(ModelFiles.SENTIMENT);

  private final LinearModel model;
  private final int positive;
  private final int negative;

  public SentimentModel(LinearModel model) {
    if (!Set.copyOf(model.classes()).equals(Set.copyOf(CLASSES))) {
      throw new IllegalArgumentException(
          "a sentiment model has the classes " + CLASSES + ", this one " + model.classes());
    }
    this.model = model;
    this.positive = model.classes().indexOf(Sentiments.POSITIVE);
    this.negative = model.classes().indexOf(Sentiments.NEGATIVE);
  }

  /** The model bundled with earshot. */
  public static SentimentModel loadDefault() {
    return new SentimentModel(LinearModel.resource(RESOURCE));
  }

  /** A model file written by {@code ./earshot train --target sentiment}. */
  public static SentimentModel read(Path file) {
    return new SentimentModel(LinearModel.read(file));
  }

  /** The most probable label, and a score in [-1, 1]: P(positive) - P(negative). */
  public SocialSentimentScorer.Score score(Map<String, Double> features) {
    double[] p = model.probabilities(features);
    return new SocialSentimentScorer.Score(
        model.classes().get(LinearModel.argmax(p)), p[positive] - p[negative], "model");
  }

  public LinearModel linear() {
    return model;
  }
}
