package dev.earshot.enrich.cli;

import dev.earshot.enrich.Enricher;
import dev.earshot.enrich.model.LinearModel;
import dev.earshot.enrich.model.LinearTrainer;
import dev.earshot.enrich.routing.RoutingModel;
import dev.earshot.enrich.routing.RoutingModels;
import dev.earshot.enrich.sentiment.SentimentModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
  /** What a model labels. */
  enum Target {
    sentiment("eval/train-posts.jsonl,eval/train-general.jsonl,eval/dev-posts.jsonl"),
    department("eval/train-posts.jsonl,eval/dev-posts.jsonl"),
    stage("eval/train-posts.jsonl,eval/dev-posts.jsonl");

    final String defaultSets;

    Target(String defaultSets) {
      this.defaultSets = defaultSets;
    }

    String defaultOut() {
      return this == sentiment
          ? "enrich/src/main/resources/sentiment/model.tsv"
          : "enrich/src/main/resources/routing/" + name() + ".tsv";
    }
  }

  @Option(names = "--target", required = true, description = "sentiment, department or stage.")
  Target target;

  @Option(
      names = "--labelled",
      split = ",",
      description =
          "Training sets, comma-separated (default: train-posts, dev-posts and, for sentiment,"
              + " train-general in eval/).")
  List<Path> labelled;

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

  @Mixin EnricherOptions enricherOptions = new EnricherOptions();

  @Override
  public Integer call() throws IOException {
    List<Path> sets =
        labelled != null
            ? labelled
            : List.of(target.defaultSets.split(",")).stream().map(Path::of).toList();
    Enricher enricher = enricher();
    List<String> classes = classes(enricher);
    List<LinearTrainer.Example> examples = new ArrayList<>();
    for (Path file : sets) {
      examples.addAll(examples(enricher, file, target, classes));
    }
    LinearTrainer defaults = LinearTrainer.DEFAULT;
    LinearTrainer trainer =
        new LinearTrainer(
            l2 != null ? l2 : defaults.l2(),
            epochs != null ? epochs : defaults.epochs(),
            defaults.learningRate(),
            minCount != null ? minCount : defaults.minCount());
    if (folds > 1) {
      int[] predicted = trainer.crossValidate(examples, classes, folds);
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
      return 0;
    }
    List<String> sources = sets.stream().map(Path::toString).toList();
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
    Path file = out != null ? out : Path.of(target.defaultOut());
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      model.write(writer);
    }
    System.out.printf("wrote %s: %d features from %d posts%n", file, model.size(), examples.size());
    return 0;
  }

  /**
   * The enricher whose features are trained on: the sentiment features do not need a model; the
   * routing features need the sentiment the enricher would give, so they use the default one.
   */
  private Enricher enricher() {
    if (target == Target.sentiment) {
      enricherOptions.sentiment = "lexicon";
    }
    return enricherOptions.create(RoutingModels.rulesOnly());
  }

  private List<String> classes(Enricher enricher) {
    if (target == Target.sentiment) {
      return SentimentModel.CLASSES;
    }
    List<String> classes =
        new ArrayList<>(
            target == Target.department
                ? enricher.taxonomy().departmentLabels()
                : enricher.taxonomy().stageLabels());
    classes.add(RoutingModel.NONE);
    return classes;
  }

  /** English posts of a labelled set as training examples; others are never labelled by models. */
  static List<LinearTrainer.Example> examples(
      Enricher enricher, Path file, Target target, List<String> classes) throws IOException {
    List<LinearTrainer.Example> examples = new ArrayList<>();
    for (LabelledPosts.Labelled post : LabelledPosts.read(file)) {
      if (!"en".equals(post.expected().path("lang").asText("en"))) {
        continue;
      }
      String expected =
          switch (target) {
            case sentiment -> post.expectedSentiment();
            case department, stage -> {
              var node = post.expected().path(target.name());
              yield node.isNull() || node.isMissingNode() ? RoutingModel.NONE : node.asText();
            }
          };
      int label = classes.indexOf(expected);
      if (label < 0) {
        throw new IllegalArgumentException(
            file
                + ": post "
                + post.post().getId()
                + " has "
                + target
                + " '"
                + expected
                + "', not one of "
                + classes);
      }
      examples.add(
          new LinearTrainer.Example(
              target == Target.sentiment
                  ? enricher.sentimentFeatures(post.post().getText())
                  : enricher.routingFeatures(post.post()),
              label));
    }
    return examples;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainCli()).execute(args));
  }
}
