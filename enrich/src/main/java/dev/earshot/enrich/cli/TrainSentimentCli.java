package dev.earshot.enrich.cli;

import dev.earshot.enrich.Enricher;
import dev.earshot.enrich.sentiment.SentimentModel;
import dev.earshot.enrich.sentiment.SentimentTrainer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the sentiment model on labelled posts, or cross-validates a setting. The bundled model is
 * trained on {@code eval/train-posts.jsonl} and {@code eval/dev-posts.jsonl}; the held-out set
 * ({@code eval/labelled-posts.jsonl}) is only ever used by {@code evaluate}.
 */
@Command(
    name = "train-sentiment",
    mixinStandardHelpOptions = true,
    description = "Trains the sentiment model on labelled JSONL sets (post fields + 'expected').")
public final class TrainSentimentCli implements Callable<Integer> {
  @Option(
      names = "--labelled",
      split = ",",
      defaultValue = "eval/train-posts.jsonl,eval/train-general.jsonl,eval/dev-posts.jsonl",
      description = "Training sets, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Path> labelled;

  @Option(
      names = "--out",
      defaultValue = "enrich/src/main/resources/sentiment/model.tsv",
      description = "Where to write the model (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--cross-validate",
      defaultValue = "0",
      description = "Print the k-fold cross-validated scores instead of writing a model.")
  int folds;

  @Option(names = "--l2", description = "L2 penalty (default: the bundled model's).")
  Double l2;

  @Option(names = "--epochs", description = "Passes over the data (default: the bundled model's).")
  Integer epochs;

  @Option(names = "--min-count", description = "Posts a feature must appear in.")
  Integer minCount;

  @Mixin EnricherOptions enricherOptions = new EnricherOptions();

  @Override
  public Integer call() throws IOException {
    enricherOptions.sentiment = "lexicon"; // features only: no model needed to train one
    Enricher enricher = enricherOptions.create();
    List<SentimentTrainer.Example> examples = new ArrayList<>();
    for (Path file : labelled) {
      examples.addAll(examples(enricher, file));
    }
    SentimentTrainer defaults = SentimentTrainer.DEFAULT;
    SentimentTrainer trainer =
        new SentimentTrainer(
            l2 != null ? l2 : defaults.l2(),
            epochs != null ? epochs : defaults.epochs(),
            defaults.learningRate(),
            minCount != null ? minCount : defaults.minCount());
    if (folds > 1) {
      int[] predicted = trainer.crossValidate(examples, folds);
      Evaluation evaluation = new Evaluation();
      long right = 0;
      for (int i = 0; i < examples.size(); i++) {
        String expected = SentimentModel.CLASSES.get(examples.get(i).label());
        String actual = SentimentModel.CLASSES.get(predicted[i]);
        evaluation.add(List.of(expected), List.of(actual));
        right += expected.equals(actual) ? 1 : 0;
      }
      System.out.printf(
          "%d-fold cross-validation on %d posts (%s): macro-F1 %.3f accuracy %.3f%n",
          folds, examples.size(), trainer, evaluation.macroF1(), (double) right / examples.size());
      return 0;
    }
    List<String> sources = labelled.stream().map(Path::toString).toList();
    SentimentModel model =
        trainer.train(
            examples,
            List.of(
                "earshot sentiment model: multinomial logistic regression over SentimentFeatures",
                "columns: feature, then weights for " + String.join(", ", SentimentModel.CLASSES),
                "trained by ./earshot train-sentiment on " + String.join(", ", sources)));
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      model.write(writer);
    }
    System.out.printf("wrote %s: %d features from %d posts%n", out, model.size(), examples.size());
    return 0;
  }

  /** English posts of a labelled set as training examples; others are never scored by the model. */
  static List<SentimentTrainer.Example> examples(Enricher enricher, Path file) throws IOException {
    List<SentimentTrainer.Example> examples = new ArrayList<>();
    for (LabelledPosts.Labelled post : LabelledPosts.read(file)) {
      if (!"en".equals(post.expected().path("lang").asText("en"))) {
        continue;
      }
      int label = SentimentModel.CLASSES.indexOf(post.expectedSentiment());
      if (label < 0) {
        throw new IllegalArgumentException(
            file + ": post " + post.post().getId() + " has no sentiment label");
      }
      examples.add(
          new SentimentTrainer.Example(enricher.sentimentFeatures(post.post().getText()), label));
    }
    return examples;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainSentimentCli()).execute(args));
  }
}
