package dev.earshot.enrich.sentiment;

import dev.earshot.schemas.Sentiments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A multinomial logistic regression over {@link SentimentFeatures}: one weight per feature and
 * class. Trained by {@link SentimentTrainer} ({@code ./earshot train-sentiment}) on the labelled
 * posts in {@code eval/}, never on the held-out set; the bundled model is {@code
 * /sentiment/model.tsv}. Immutable, so one instance serves every stream thread.
 *
 * <p>The file is plain text, one feature per line, so a change of model shows in a diff: {@code
 * feature<TAB>negative<TAB>neutral<TAB>positive}, lines starting with '#' are comments.
 */
public final class SentimentModel {
  /** The classes, in the order of the weight columns. */
  public static final List<String> CLASSES =
      List.of(Sentiments.NEGATIVE, Sentiments.NEUTRAL, Sentiments.POSITIVE);

  static final String BIAS = "<bias>";
  static final String RESOURCE = "/sentiment/model.tsv";

  private final Map<String, double[]> weights;
  private final List<String> comments;

  SentimentModel(Map<String, double[]> weights, List<String> comments) {
    this.weights = weights;
    this.comments = List.copyOf(comments);
  }

  /** The model bundled with earshot. */
  public static SentimentModel loadDefault() {
    try (InputStream in = SentimentModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("sentiment model " + RESOURCE + " not on the class path");
      }
      return read(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a model file (from {@code train-sentiment}). */
  public static SentimentModel read(java.nio.file.Path file) {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a model file; a malformed line is refused with its number. */
  public static SentimentModel read(InputStream in, String origin) throws IOException {
    Map<String, double[]> weights = new HashMap<>();
    List<String> comments = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.startsWith("#")) {
        comments.add(line.substring(1).trim());
        continue;
      }
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 1 + CLASSES.size()) {
        throw new IllegalArgumentException(
            origin + ":" + number + ": expected a feature and " + CLASSES.size() + " weights");
      }
      double[] w = new double[CLASSES.size()];
      try {
        for (int c = 0; c < w.length; c++) {
          w[c] = Double.parseDouble(parts[1 + c]);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(origin + ":" + number + ": not a number", e);
      }
      weights.put(parts[0], w);
    }
    if (!weights.containsKey(BIAS)) {
      throw new IllegalArgumentException(origin + ": no " + BIAS + " line");
    }
    return new SentimentModel(weights, comments);
  }

  /** Writes the model, features sorted, so that two trainings on the same data are identical. */
  public void write(Writer out) throws IOException {
    for (String comment : comments) {
      out.write("# " + comment + "\n");
    }
    for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
      StringBuilder line = new StringBuilder(e.getKey());
      for (double w : e.getValue()) {
        line.append('\t').append(String.format(Locale.ROOT, "%.4f", w));
      }
      out.write(line.append('\n').toString());
    }
  }

  /** Class probabilities, in the order of {@link #CLASSES}. */
  public double[] probabilities(Map<String, Double> features) {
    double[] z = weights.get(BIAS).clone();
    features.forEach(
        (name, value) -> {
          double[] w = weights.get(name);
          if (w != null) {
            for (int c = 0; c < z.length; c++) {
              z[c] += w[c] * value;
            }
          }
        });
    return softmax(z);
  }

  /** The label with the highest probability, and a score in [-1, 1]: P(positive) - P(negative). */
  public SocialSentimentScorer.Score score(Map<String, Double> features) {
    double[] p = probabilities(features);
    int best = argmax(p);
    double score =
        p[CLASSES.indexOf(Sentiments.POSITIVE)] - p[CLASSES.indexOf(Sentiments.NEGATIVE)];
    return new SocialSentimentScorer.Score(CLASSES.get(best), score, "model");
  }

  /** The most probable class, an index into {@link #CLASSES}. */
  public int best(Map<String, Double> features) {
    return argmax(probabilities(features));
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  /** How many features carry a weight. */
  public int size() {
    return weights.size() - 1;
  }

  public List<String> comments() {
    return comments;
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      p[c] = Math.exp(z[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < z.length; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
