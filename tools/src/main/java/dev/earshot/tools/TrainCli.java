package dev.earshot.tools;

import dev.earshot.labels.Labeller;
import dev.earshot.labels.model.LinearModel;
import dev.earshot.labels.topics.TopicModel;
import dev.earshot.tools.train.LinearTrainer;
import dev.earshot.tools.train.TrainingFeatures;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains one of the enricher's models on labelled posts, or cross-validates a setting: the
 * sentiment model, or the department or journey-stage model. The bundled models are trained on the
 * training sets in {@code eval/}; the held-out sets ({@code labelled-posts.jsonl}, {@code
 * general-tweets.jsonl}) are only ever used by {@code evaluate}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains a model of the enricher on labelled JSONL sets (post fields + 'expected').")
public final class TrainCli implements Callable<Integer> {
  @Option(
      names = "--target",
      required = true,
      description = "sentiment, topics, department or stage.")
  TrainingTarget target;

  @Option(
      names = "--labelled",
      split = ",",
      description =
          "Training sets, comma-separated (default: train-posts and dev-posts in eval/; for"
              + " sentiment the real tweets of ../shared/data/tweets/semeval2017-a.jsonl, with"
              + " eval/'s train-posts, train-general and dev-posts as --supplement).")
  List<Path> labelled;

  @Option(
      names = "--supplement",
      split = ",",
      description =
          "Sets added to the training data; with --cross-validate they join every fold's"
              + " training part and are never scored (do they help on --labelled?). Default: the"
              + " target's, when --labelled is not given.")
  List<Path> supplement;

  @Option(
      names = "--supplement-weight",
      description =
          "How many times each --supplement post counts, a whole number (default: the target's;"
              + " 1 without the default supplement).")
  Integer supplementWeight;

  @Option(
      names = "--balanced",
      negatable = true,
      description =
          "Weigh the classes equally, whatever their shares of the training posts (default:"
              + " the target's).")
  Boolean balanced;

  @Option(names = "--out", description = "Where to write the model (default: the bundled one).")
  Path out;

  @Option(
      names = "--cross-validate",
      defaultValue = "0",
      description = "Print the k-fold cross-validated scores instead of writing a model.")
  int folds;

  @Option(names = "--l2", description = "L2 penalty (default: the bundled models').")
  Double l2;

  @Option(names = "--epochs", description = "Passes over the data (default: the bundled models').")
  Integer epochs;

  @Option(names = "--min-count", description = "Posts a feature must appear in.")
  Integer minCount;

  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      description =
          "topics: the probability from which the model gives a topic the phrases missed"
              + " (default: ${DEFAULT-VALUE}; --cross-validate prints the choices).")
  double threshold = 0.5;

  @Mixin LabellerOptions labellerOptions = new LabellerOptions();

  @Override
  public Integer call() throws IOException {
    List<Path> sets = labelled != null ? labelled : target.defaultSets();
    List<Path> extraSets =
        supplement != null
            ? supplement
            : labelled != null ? List.<Path>of() : target.defaultSupplement();
    Labeller labeller = Labeller.create(target.labeller(labellerOptions.settings()));
    TrainingFeatures features = new TrainingFeatures(labeller);
    List<String> classes = target.classes(labeller.taxonomy());
    LinearTrainer defaults = LinearTrainer.DEFAULT;
    LinearTrainer trainer =
        new LinearTrainer(
            l2 != null ? l2 : defaults.l2(),
            epochs != null ? epochs : defaults.epochs(),
            defaults.learningRate(),
            minCount != null ? minCount : defaults.minCount(),
            balanced != null ? balanced : target.balancedByDefault());
    if (target.multiLabel()) {
      if (!extraSets.isEmpty()) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--supplement is for single-label targets, not " + target);
      }
      return topics(labeller, features, sets, classes, trainer);
    }
    List<LinearTrainer.Example> examples = new ArrayList<>();
    for (Path file : sets) {
      examples.addAll(TrainingExamples.of(features, file, target, classes));
    }
    List<LinearTrainer.Example> extra = new ArrayList<>();
    for (Path file : extraSets) {
      extra.addAll(TrainingExamples.of(features, file, target, classes));
    }
    int weight = weightOf(extraSets);
    extra = copies(extra, weight);
    if (folds > 1) {
      crossValidate(trainer, examples, extra, classes);
      return 0;
    }
    examples.addAll(extra);
    List<String> sources =
        Stream.concat(
                sets.stream().map(Path::toString),
                extraSets.stream().map(p -> weight == 1 ? p.toString() : p + " (x" + weight + ")"))
            .toList();
    LinearModel model =
        trainer.train(
            examples,
            classes,
            List.of(
                "earshot " + target + " model: multinomial logistic regression (LinearModel)",
                "columns: feature, then one weight per class",
                "trained by ./earshot train --target "
                    + target
                    + " on "
                    + String.join(", ", sources)));
    write(model, examples.size());
    return 0;
  }

  /** The supplement's weight: as given, else the target's for its default supplement, else 1. */
  private int weightOf(List<Path> extraSets) {
    int weight =
        supplementWeight != null
            ? supplementWeight
            : extraSets.equals(target.defaultSupplement()) ? target.supplementWeight() : 1;
    if (weight < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--supplement-weight must be 1 or more, not " + weight);
    }
    return weight;
  }

  /**
   * Each example {@code weight} times: the trainer is full-batch, so a post given twice counts
   * exactly twice, and the classes' balance counts it twice too; so does {@code --min-count}, so a
   * word of a single supplement post gets a weight from 2 copies on.
   */
  private static List<LinearTrainer.Example> copies(
      List<LinearTrainer.Example> examples, int weight) {
    List<LinearTrainer.Example> out = new ArrayList<>(examples.size() * weight);
    for (int copy = 0; copy < weight; copy++) {
      out.addAll(examples);
    }
    return out;
  }

  /** Prints the k-fold cross-validated macro-F1 and accuracy of a single-label target. */
  private void crossValidate(
      LinearTrainer trainer,
      List<LinearTrainer.Example> examples,
      List<LinearTrainer.Example> supplement,
      List<String> classes) {
    int[] predicted = trainer.crossValidate(examples, supplement, classes, folds);
    Evaluation evaluation = new Evaluation();
    long right = 0;
    for (int i = 0; i < examples.size(); i++) {
      String expected = classes.get(examples.get(i).label());
      String actual = classes.get(predicted[i]);
      evaluation.add(List.of(expected), List.of(actual));
      right += expected.equals(actual) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d-fold cross-validation on %d posts (%s): macro-F1 %.3f accuracy %.3f%n",
        target,
        folds,
        examples.size(),
        trainer,
        evaluation.macroF1(),
        (double) right / examples.size());
  }

  private void write(LinearModel model, int posts) throws IOException {
    Path file = out != null ? out : target.defaultOut();
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      model.write(writer);
    }
    System.out.printf("wrote %s: %d features from %d posts%n", file, model.size(), posts);
  }

  /** The thresholds {@code --cross-validate} reports for the topic model. */
  static final double[] TOPIC_THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  /**
   * Trains the topic model, or cross-validates it: micro precision and recall of the topics the
   * enricher would give (phrase matches, plus the model's from each threshold) against the rules
   * alone. Exclude phrases, which veto either way, are left out of the cross-validated figures.
   */
  private int topics(
      Labeller labeller,
      TrainingFeatures features,
      List<Path> sets,
      List<String> classes,
      LinearTrainer trainer)
      throws IOException {
    List<LinearTrainer.MultiLabelExample> examples = new ArrayList<>();
    List<Set<String>> byPhrases = new ArrayList<>();
    for (Path file : sets) {
      examples.addAll(TrainingExamples.topics(labeller, features, file, classes, byPhrases));
    }
    if (folds > 1) {
      double[][] p = trainer.crossValidateMultiLabel(examples, classes, folds);
      System.out.printf(
          Locale.ROOT,
          "topics: %d-fold cross-validation on %d posts (%s)%n  %-10s %9s %9s %9s%n",
          folds,
          examples.size(),
          trainer,
          "threshold",
          "precision",
          "recall",
          "F1");
      printTopicScores("phrases", examples, byPhrases, classes, null, 0);
      for (double t : TOPIC_THRESHOLDS) {
        printTopicScores(String.format(Locale.ROOT, "%.2f", t), examples, byPhrases, classes, p, t);
      }
      return 0;
    }
    List<String> sources = sets.stream().map(Path::toString).toList();
    LinearModel model =
        trainer.trainMultiLabel(
            examples,
            classes,
            List.of(
                "earshot topic model: one yes/no logistic regression per topic (LinearModel)",
                "columns: feature, then one weight per topic; "
                    + TopicModel.THRESHOLD
                    + ": the probability from which a topic is given",
                "trained by ./earshot train --target topics --threshold "
                    + threshold
                    + " on "
                    + String.join(", ", sources)));
    double[] thresholds = new double[classes.size()];
    java.util.Arrays.fill(thresholds, threshold);
    write(model.withRow(TopicModel.THRESHOLD, thresholds), examples.size());
    return 0;
  }

  /**
   * Micro P/R/F1 of phrase matches plus, where p is given, the topics from threshold t on; NaN
   * where nothing was given (as {@code evaluate} prints it).
   */
  private static void printTopicScores(
      String name,
      List<LinearTrainer.MultiLabelExample> examples,
      List<Set<String>> byPhrases,
      List<String> classes,
      double[][] p,
      double t) {
    Evaluation evaluation = new Evaluation();
    for (int i = 0; i < examples.size(); i++) {
      Set<String> given = new TreeSet<>(byPhrases.get(i));
      Set<String> expected = new TreeSet<>();
      for (int c = 0; c < classes.size(); c++) {
        if (p != null && p[i][c] >= t) {
          given.add(classes.get(c));
        }
        if (examples.get(i).labels().contains(c)) {
          expected.add(classes.get(c));
        }
      }
      evaluation.add(expected, given);
    }
    Evaluation.Counts micro = evaluation.micro();
    System.out.printf(
        Locale.ROOT,
        "  %-10s %9.3f %9.3f %9.3f%n",
        name,
        micro.precision(),
        micro.recall(),
        micro.f1());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainCli()).execute(args));
  }
}
