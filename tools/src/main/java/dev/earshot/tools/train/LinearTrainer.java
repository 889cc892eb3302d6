package dev.earshot.tools.train;

import dev.earshot.labels.model.LinearModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.UnaryOperator;

/**
 * Trains a {@link LinearModel}: multinomial logistic regression with an L2 penalty, by full-batch
 * AdaGrad over a fixed number of epochs. No randomness, so the same examples give the same model,
 * byte for byte. Features seen in fewer than {@code minCount} posts are left out: a word met once
 * says more about that post than about its class.
 *
 * @param l2 penalty on the squared weights (not on the bias)
 * @param epochs passes over the whole training set
 * @param learningRate AdaGrad's base step
 * @param minCount posts a feature must appear in to get a weight
 * @param balanced weigh each class's posts so that every class counts as much in the loss, whatever
 *     its share of the training set: the model then assumes no class is commoner than another,
 *     which holds up when the posts it labels come in other proportions than its training set's
 *     (single-label training only)
 */
public record LinearTrainer(
    double l2, int epochs, double learningRate, int minCount, boolean balanced) {
  /**
   * The settings the bundled models were trained with (5-fold cross-validation on the training sets
   * found none clearly better).
   */
  public static final LinearTrainer DEFAULT = new LinearTrainer(1e-3, 300, 0.3, 2);

  public LinearTrainer(double l2, int epochs, double learningRate, int minCount) {
    this(l2, epochs, learningRate, minCount, false);
  }

  /** One labelled post: its features and its class, an index into the trainer's classes. */
  public record Example(Map<String, Double> features, int label) {}

  /**
   * One post with any number of labels (a post can be about several topics, or none): indexes into
   * the trainer's classes.
   */
  public record MultiLabelExample(Map<String, Double> features, Set<Integer> labels) {}

  /**
   * @param classes the class names; each example's label is an index into them
   */
  public LinearModel train(List<Example> examples, List<String> classes, List<String> comments) {
    double[][] targets = new double[examples.size()][classes.size()];
    for (int i = 0; i < examples.size(); i++) {
      targets[i][examples.get(i).label()] = 1;
    }
    return fit(
        examples.stream().map(Example::features).toList(),
        targets,
        balanced ? classWeights(examples, classes.size()) : null,
        LinearModel::softmax,
        classes,
        comments);
  }

  /**
   * One independent yes/no logistic regression per class, in one model: read it with {@link
   * LinearModel#independentProbabilities}. For labels of which a post has any number.
   */
  public LinearModel trainMultiLabel(
      List<MultiLabelExample> examples, List<String> classes, List<String> comments) {
    return fit(
        examples.stream().map(MultiLabelExample::features).toList(),
        multiHot(examples, classes.size()),
        null,
        LinearModel::sigmoids,
        classes,
        comments);
  }

  /** Per post: n / (classes x posts of its class), so each class weighs n / classes in all. */
  private static double[] classWeights(List<Example> examples, int classes) {
    int[] counts = new int[classes];
    examples.forEach(e -> counts[e.label()]++);
    int present = (int) java.util.Arrays.stream(counts).filter(c -> c > 0).count();
    double[] weights = new double[examples.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = examples.size() / ((double) present * counts[examples.get(i).label()]);
    }
    return weights;
  }

  private static double[][] multiHot(List<MultiLabelExample> examples, int classes) {
    double[][] targets = new double[examples.size()][classes];
    for (int i = 0; i < examples.size(); i++) {
      for (int label : examples.get(i).labels()) {
        targets[i][label] = 1;
      }
    }
    return targets;
  }

  /**
   * Minimises the log-loss of {@code link(z)} against the targets. For softmax over one-hot targets
   * and for independent sigmoids over multi-hot ones alike, the gradient of that loss in z is
   * simply p - y, so one loop trains both.
   */
  private LinearModel fit(
      List<Map<String, Double>> examples,
      double[][] targets,
      double[] weights,
      UnaryOperator<double[]> link,
      List<String> classes,
      List<String> comments) {
    Map<String, Integer> index = featureIndex(examples);
    int n = examples.size();
    int[][] ids = new int[n][];
    double[][] values = new double[n][];
    for (int i = 0; i < n; i++) {
      List<Integer> id = new ArrayList<>();
      List<Double> value = new ArrayList<>();
      examples
          .get(i)
          .forEach(
              (f, v) -> {
                Integer at = index.get(f);
                if (at != null) {
                  id.add(at);
                  value.add(v);
                }
              });
      ids[i] = id.stream().mapToInt(Integer::intValue).toArray();
      values[i] = value.stream().mapToDouble(Double::doubleValue).toArray();
    }
    double[][] w = new double[index.size()][classes.size()];
    double[] bias = new double[classes.size()];
    descend(ids, values, targets, weights, link, w, bias);
    return model(index, w, bias, classes, comments, n);
  }

  /** Each feature seen in at least {@code minCount} examples, numbered in name order. */
  private Map<String, Integer> featureIndex(List<Map<String, Double>> examples) {
    Map<String, Integer> documentCounts = new HashMap<>();
    for (Map<String, Double> e : examples) {
      e.keySet().forEach(f -> documentCounts.merge(f, 1, Integer::sum));
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    documentCounts.keySet().stream()
        .sorted()
        .filter(f -> documentCounts.get(f) >= minCount)
        .forEach(f -> index.put(f, index.size()));
    return index;
  }

  /**
   * Full-batch AdaGrad over the epochs, updating the weights {@code w} and {@code bias} in place:
   * the gradient of the log-loss in z is p - y, plus the L2 penalty on the weights.
   */
  private void descend(
      int[][] ids,
      double[][] values,
      double[][] targets,
      double[] weights,
      UnaryOperator<double[]> link,
      double[][] w,
      double[] bias) {
    int n = ids.length;
    int features = w.length;
    int classCount = bias.length;
    double[][] history = new double[features][classCount];
    double[] biasHistory = new double[classCount];
    for (int epoch = 0; epoch < epochs; epoch++) {
      double[][] gradient = new double[features][classCount];
      double[] biasGradient = new double[classCount];
      for (int i = 0; i < n; i++) {
        double[] z = bias.clone();
        for (int k = 0; k < ids[i].length; k++) {
          for (int c = 0; c < classCount; c++) {
            z[c] += w[ids[i][k]][c] * values[i][k];
          }
        }
        double[] p = link.apply(z);
        for (int c = 0; c < classCount; c++) {
          double error = p[c] - targets[i][c]; // the gradient of the log-loss in z
          if (weights != null) {
            error *= weights[i];
          }
          biasGradient[c] += error / n;
          for (int k = 0; k < ids[i].length; k++) {
            gradient[ids[i][k]][c] += error * values[i][k] / n;
          }
        }
      }
      for (int f = 0; f < features; f++) {
        for (int c = 0; c < classCount; c++) {
          double g = gradient[f][c] + l2 * w[f][c];
          history[f][c] += g * g;
          w[f][c] -= learningRate * g / (Math.sqrt(history[f][c]) + 1e-8);
        }
      }
      for (int c = 0; c < classCount; c++) {
        biasHistory[c] += biasGradient[c] * biasGradient[c];
        bias[c] -= learningRate * biasGradient[c] / (Math.sqrt(biasHistory[c]) + 1e-8);
      }
    }
  }

  /** The trained weights as a model, leaving out features whose every weight prints as zero. */
  private LinearModel model(
      Map<String, Integer> index,
      double[][] w,
      double[] bias,
      List<String> classes,
      List<String> comments,
      int posts) {
    Map<String, double[]> weights = new HashMap<>();
    weights.put(LinearModel.BIAS, bias);
    index.forEach(
        (name, at) -> {
          double[] fw = w[at];
          boolean any = false;
          for (double v : fw) {
            any |= Math.abs(v) >= 5e-5; // what the file would print as 0.0000 is left out
          }
          if (any) {
            weights.put(name, fw);
          }
        });
    List<String> header = new ArrayList<>(comments);
    header.add(
        String.format(
            java.util.Locale.ROOT,
            "trainer: l2=%s epochs=%d learning_rate=%s min_count=%d%s; %d posts, %d features",
            l2,
            epochs,
            learningRate,
            minCount,
            balanced ? " balanced" : "",
            posts,
            weights.size() - 1));
    return new LinearModel(classes, weights, header);
  }

  /**
   * K-fold cross-validation: trains on k-1 folds and predicts the held-out fold, k times. Posts are
   * dealt to folds in an order shuffled with a fixed seed (files are often grouped by label), so
   * the result is the same on every run. Returns the predicted class of every example.
   */
  public int[] crossValidate(List<Example> examples, List<String> classes, int k) {
    return crossValidate(examples, List.of(), classes, k);
  }

  /**
   * As {@link #crossValidate(List, List, int)}, with {@code supplement} added to the training part
   * of every fold and never scored: whether posts from elsewhere help on these.
   */
  public int[] crossValidate(
      List<Example> examples, List<Example> supplement, List<String> classes, int k) {
    int[] predicted = new int[examples.size()];
    eachFold(
        examples,
        k,
        train -> {
          List<Example> all = new ArrayList<>(train);
          all.addAll(supplement);
          return train(all, classes, List.of());
        },
        (model, i) ->
            predicted[i] = LinearModel.argmax(model.probabilities(examples.get(i).features())));
    return predicted;
  }

  /**
   * K-fold cross-validation of {@link #trainMultiLabel}, with the same folds as {@link
   * #crossValidate}: every example's per-class probabilities from the model that did not see it.
   */
  public double[][] crossValidateMultiLabel(
      List<MultiLabelExample> examples, List<String> classes, int k) {
    double[][] predicted = new double[examples.size()][];
    eachFold(
        examples,
        k,
        train -> trainMultiLabel(train, classes, List.of()),
        (model, i) -> predicted[i] = model.independentProbabilities(examples.get(i).features()));
    return predicted;
  }

  /** Trains on all folds but one, k times, and hands each left-out example to its fold's model. */
  private static <E> void eachFold(
      List<E> examples,
      int k,
      Function<List<E>, LinearModel> train,
      ObjIntConsumer<LinearModel> predict) {
    int[] foldOf = folds(examples.size(), k);
    for (int fold = 0; fold < k; fold++) {
      List<E> rest = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf[i] != fold) {
          rest.add(examples.get(i));
        }
      }
      LinearModel model = train.apply(rest);
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf[i] == fold) {
          predict.accept(model, i);
        }
      }
    }
  }

  /** Deals examples to k folds in an order shuffled with a fixed seed. */
  private static int[] folds(int size, int k) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(42));
    int[] foldOf = new int[size];
    for (int at = 0; at < order.size(); at++) {
      foldOf[order.get(at)] = at % k;
    }
    return foldOf;
  }
}
