package dev.earshot.tools.train;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the determinism test's model and writes it to the file named by the first argument. Run by
 * {@link LinearTrainerTest} in a JVM of its own, so that state of one JVM (identity hash codes, and
 * with them the iteration order of hash maps over objects without a hashCode of their own) cannot
 * make two trainings agree by accident.
 */
public final class TrainOnce {
  private TrainOnce() {}

  public static void main(String[] args) throws Exception {
    try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      train(out);
    }
  }

  /** A single-class and a multi-label model, one after the other. */
  static void train(Writer out) throws Exception {
    List<LinearTrainer.Example> examples = new ArrayList<>(TrainingData.cued());
    examples.addAll(TrainingData.memorisable(60));
    LinearTrainer.DEFAULT.train(examples, TrainingData.CLASSES, List.of()).write(out);
    new LinearTrainer(1e-3, 300, 0.3, 1)
        .trainMultiLabel(
            TrainingData.multiLabelCued(), TrainingData.MULTI_CLASSES, List.of("multi-label"))
        .write(out);
  }
}
