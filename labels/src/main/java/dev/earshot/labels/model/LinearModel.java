package dev.earshot.labels.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A multinomial logistic regression: one weight per feature and class, and a bias per class.
 * Trained by {@link LinearTrainer} ({@code ./earshot train}); the enricher's sentiment, department
 * and stage models are all of this kind. Immutable, so one instance serves every stream thread.
 *
 * <p>The file is plain text, one feature per line, so a change of model shows in a diff:
 *
 * <pre>
 * # comments
 * &lt;classes&gt;   negative   neutral   positive
 * &lt;bias&gt;      -0.09      0.05      -0.10
 * u:declined   0.81      -0.33     -0.48
 * </pre>
 */
public final class LinearModel {
  static final String CLASSES = "<classes>";
  public static final String BIAS = "<bias>";

  private final List<String> classes;
  private final Map<String, double[]> weights;
  private final List<String> comments;

  public LinearModel(List<String> classes, Map<String, double[]> weights, List<String> comments) {
    this.classes = List.copyOf(classes);
    this.weights = weights;
    this.comments = List.copyOf(comments);
  }

  /** A model bundled on the class path. */
  public static LinearModel resource(String resource) {
    try (InputStream in = LinearModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model " + resource + " not on the class path");
      }
      return read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model file written by {@code ./earshot train}. */
  public static LinearModel read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a model; a malformed line is refused with its number and the reason. */
  public static LinearModel read(InputStream in, String origin) throws IOException {
    List<String> classes = null;
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
      if (classes == null) {
        if (!CLASSES.equals(parts[0]) || parts.length < 3) {
          throw new IllegalArgumentException(
              origin + ":" + number + ": expected " + CLASSES + " and at least two class names");
        }
        classes = List.of(Arrays.copyOfRange(parts, 1, parts.length));
        continue;
      }
      if (parts.length != 1 + classes.size()) {
        throw new IllegalArgumentException(
            origin + ":" + number + ": expected a feature and " + classes.size() + " weights");
      }
      double[] w = new double[classes.size()];
      try {
        for (int c = 0; c < w.length; c++) {
          w[c] = Double.parseDouble(parts[1 + c]);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(origin + ":" + number + ": not a number", e);
      }
      weights.put(parts[0], w);
    }
    if (classes == null || !weights.containsKey(BIAS)) {
      throw new IllegalArgumentException(origin + ": no " + CLASSES + " or no " + BIAS + " line");
    }
    return new LinearModel(classes, weights, comments);
  }

  /** Writes the model, features sorted, so that two trainings on the same data are identical. */
  public void write(Writer out) throws IOException {
    for (String comment : comments) {
      out.write("# " + comment + "\n");
    }
    out.write(CLASSES + "\t" + String.join("\t", classes) + "\n");
    for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
      StringBuilder line = new StringBuilder(e.getKey());
      for (double w : e.getValue()) {
        line.append('\t').append(String.format(Locale.ROOT, "%.4f", w));
      }
      out.write(line.append('\n').toString());
    }
  }

  /** The class names, in the order of {@link #probabilities}. */
  public List<String> classes() {
    return classes;
  }

  /** Class probabilities, in the order of {@link #classes()}. */
  public double[] probabilities(Map<String, Double> features) {
    return softmax(scores(features));
  }

  /**
   * For a model of independent yes/no classes ({@link LinearTrainer#trainMultiLabel}): the
   * probability of each class on its own, in the order of {@link #classes()}.
   */
  public double[] independentProbabilities(Map<String, Double> features) {
    return sigmoids(scores(features));
  }

  /**
   * A row of values that is not a feature, such as a threshold stored with the model; null if the
   * model has none. Its name must not be a feature name: write it in angle brackets.
   */
  public double[] row(String name) {
    double[] row = weights.get(name);
    return row == null ? null : row.clone();
  }

  /** This model with a row of values that is not a feature added (see {@link #row}). */
  public LinearModel withRow(String name, double[] values) {
    if (!name.startsWith("<") || values.length != classes.size()) {
      throw new IllegalArgumentException(
          "a row needs a name in angle brackets and one value per class: " + name);
    }
    Map<String, double[]> copy = new HashMap<>(weights);
    copy.put(name, values.clone());
    return new LinearModel(classes, copy, comments);
  }

  /** The bias plus the weighted features, per class. */
  private double[] scores(Map<String, Double> features) {
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
    return z;
  }

  /** The most probable class. */
  public String best(Map<String, Double> features) {
    return classes.get(argmax(probabilities(features)));
  }

  /** The index of the highest probability. */
  public static int argmax(double[] p) {
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
    return (int) weights.keySet().stream().filter(name -> !name.startsWith("<")).count();
  }

  public List<String> comments() {
    return comments;
  }

  public static double[] sigmoids(double[] z) {
    double[] p = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      p[c] = 1 / (1 + Math.exp(-z[c]));
    }
    return p;
  }

  public static double[] softmax(double[] z) {
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
