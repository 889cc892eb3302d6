package dev.earshot.tools.train;

import static dev.earshot.tools.train.TrainingData.CLASSES;
import static dev.earshot.tools.train.TrainingData.MULTI_CLASSES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.model.LinearModel;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearTrainerTest {
  private static final int POSITIVE = 2;

  /** Lenient enough to memorise: keeps the words seen in one post only. */
  private static final LinearTrainer MEMORISING = new LinearTrainer(1e-3, 300, 0.3, 1);

  @Test
  void learnsTheCueWords() {
    LinearModel model = LinearTrainer.DEFAULT.train(TrainingData.cued(), CLASSES, List.of("test"));

    assertThat(model.best(Map.of("u:declined", 1.0, "u:card", 1.0))).isEqualTo("negative");
    assertThat(model.best(Map.of("u:approved", 1.0, "u:app", 1.0))).isEqualTo("positive");
    assertThat(model.best(Map.of("u:question", 1.0))).isEqualTo("neutral");
    assertThat(model.classes()).isEqualTo(CLASSES);
    assertThat(model.comments()).first().isEqualTo("test");
    assertThat(model.comments()).last().asString().contains("60 posts");
  }

  @Test
  void aTrainingInAnotherJvmGivesTheSameModelByteForByte(@TempDir Path dir) throws Exception {
    StringWriter here = new StringWriter();
    TrainOnce.train(here);
    Path there = dir.resolve("model.tsv");

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Every identity hash code 1 there, unlike here: any order that hangs on them
                // differs between the two JVMs. Ignored by a JVM without the option.
                "-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:+UnlockExperimentalVMOptions",
                "-XX:hashCode=2",
                "-cp",
                System.getProperty("java.class.path"),
                TrainOnce.class.getName(),
                there.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("output.txt").toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the other JVM finished").isTrue();
    assertThat(process.exitValue())
        .as("the other JVM's exit; its output: %s", Files.readString(dir.resolve("output.txt")))
        .isZero();

    assertThat(Files.readString(there, StandardCharsets.UTF_8))
        .isEqualTo(here.toString())
        .contains("u:declined")
        .contains("multi-label");
  }

  @Test
  void featuresRarerThanMinCountGetNoWeight() throws Exception {
    List<LinearTrainer.Example> examples = new ArrayList<>(TrainingData.cued());
    examples.add(new LinearTrainer.Example(Map.of("u:once", 1.0), POSITIVE));
    StringWriter out = new StringWriter();
    LinearTrainer.DEFAULT.train(examples, CLASSES, List.of()).write(out);
    StringWriter kept = new StringWriter();
    MEMORISING.train(examples, CLASSES, List.of()).write(kept);

    assertThat(out.toString()).doesNotContain("u:once");
    assertThat(kept.toString()).contains("u:once");
  }

  @Test
  void crossValidationFindsARealCue() {
    List<LinearTrainer.Example> examples = TrainingData.cued();
    int[] predicted = LinearTrainer.DEFAULT.crossValidate(examples, CLASSES, 5);

    assertThat(predicted).hasSize(examples.size());
    assertThat(accuracy(examples, predicted)).isEqualTo(1.0);
  }

  @Test
  void crossValidationPredictsEachPostWithAModelThatNeverSawIt() {
    // Each post can only be got right by a model that saw it (TrainingData.memorisable): the
    // control shows the trainer does memorise it, so only an honest cross-validation stays at
    // chance. A leak (a held-out post in its own fold's training) would score near the control.
    List<LinearTrainer.Example> examples = TrainingData.memorisable(150);
    LinearModel onAll = MEMORISING.train(examples, CLASSES, List.of());
    int[] seen = new int[examples.size()];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = LinearModel.argmax(onAll.probabilities(examples.get(i).features()));
    }

    int[] predicted = MEMORISING.crossValidate(examples, CLASSES, 5);

    assertThat(accuracy(examples, seen))
        .as("accuracy on posts it was trained on")
        .isGreaterThan(0.9);
    assertThat(accuracy(examples, predicted))
        .as("cross-validated accuracy; chance is 1/3")
        .isLessThan(0.5);
  }

  @Test
  void aSupplementTrainsEveryFoldAndIsNeverScored() {
    // The supplement holds a copy of every post: if it joins each fold's training, the held-out
    // posts are known and cross-validation is right far above chance; the predictions cover the
    // examples alone.
    List<LinearTrainer.Example> examples = TrainingData.memorisable(150);
    List<LinearTrainer.Example> copies = List.copyOf(examples);

    int[] withCopies = MEMORISING.crossValidate(examples, copies, CLASSES, 5);
    int[] alone = MEMORISING.crossValidate(examples, List.of(), CLASSES, 5);

    assertThat(withCopies).hasSize(examples.size());
    assertThat(accuracy(examples, withCopies)).isGreaterThan(0.9);
    assertThat(accuracy(examples, alone)).isLessThan(0.5);
  }

  @Test
  void balancedClassesLetARareClassBePredicted() {
    // One cue word per class, but the rare class's cue also appears in most common-class posts:
    // unweighted, the common class wins the shared cue; weighted equally, the rare class keeps it.
    List<LinearTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      examples.add(
          new LinearTrainer.Example(
              i % 3 == 0 ? Map.of("u:cue", 1.0) : Map.of("u:cue", 1.0, "u:x" + i % 5, 1.0), 1));
    }
    for (int i = 0; i < 10; i++) {
      examples.add(new LinearTrainer.Example(Map.of("u:cue", 1.0), 0));
    }
    Map<String, Double> cueOnly = Map.of("u:cue", 1.0);
    LinearTrainer balanced =
        new LinearTrainer(MEMORISING.l2(), MEMORISING.epochs(), MEMORISING.learningRate(), 1, true);

    int plain =
        LinearModel.argmax(MEMORISING.train(examples, CLASSES, List.of()).probabilities(cueOnly));
    int weighed =
        LinearModel.argmax(balanced.train(examples, CLASSES, List.of()).probabilities(cueOnly));

    assertThat(plain).as("unweighted").isEqualTo(1);
    assertThat(weighed).as("classes weighed equally").isEqualTo(0);
  }

  @Test
  void multiLabelModelGivesEachClassItsOwnProbability() {
    LinearModel model =
        LinearTrainer.DEFAULT.trainMultiLabel(
            TrainingData.multiLabelCued(), MULTI_CLASSES, List.of());

    double[] both = model.independentProbabilities(Map.of("u:fee", 1.0, "u:stolen", 1.0));
    double[] neither = model.independentProbabilities(Map.of("u:card", 1.0));
    double[] fees = model.independentProbabilities(Map.of("u:fee", 1.0));

    // independent: both can be likely at once, and none need be
    assertThat(both[0]).isGreaterThan(0.8);
    assertThat(both[1]).isGreaterThan(0.8);
    assertThat(neither[0]).isLessThan(0.2);
    assertThat(neither[1]).isLessThan(0.2);
    assertThat(fees[0]).isGreaterThan(0.8);
    assertThat(fees[1]).isLessThan(0.2);
  }

  @Test
  void multiLabelCrossValidationFindsRealCues() {
    List<LinearTrainer.MultiLabelExample> examples = TrainingData.multiLabelCued();
    double[][] p = LinearTrainer.DEFAULT.crossValidateMultiLabel(examples, MULTI_CLASSES, 5);

    assertThat(p).hasNumberOfRows(examples.size());
    assertThat(multiLabelAccuracy(examples, p)).isEqualTo(1.0);
  }

  @Test
  void multiLabelCrossValidationPredictsEachPostWithAModelThatNeverSawIt() {
    List<LinearTrainer.MultiLabelExample> examples = TrainingData.multiLabelMemorisable(150);
    LinearModel onAll = MEMORISING.trainMultiLabel(examples, MULTI_CLASSES, List.of());
    double[][] seen = new double[examples.size()][];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = onAll.independentProbabilities(examples.get(i).features());
    }

    double[][] predicted = MEMORISING.crossValidateMultiLabel(examples, MULTI_CLASSES, 5);

    assertThat(multiLabelAccuracy(examples, seen))
        .as("accuracy on posts it was trained on")
        .isGreaterThan(0.9);
    assertThat(multiLabelAccuracy(examples, predicted))
        .as("cross-validated accuracy per post and label; chance is 1/2")
        .isLessThan(0.65);
  }

  private static double accuracy(List<LinearTrainer.Example> examples, int[] predicted) {
    int right = 0;
    for (int i = 0; i < predicted.length; i++) {
      right += predicted[i] == examples.get(i).label() ? 1 : 0;
    }
    return right / (double) predicted.length;
  }

  /** The share of (post, label) pairs where p >= 0.5 agrees with the truth. */
  private static double multiLabelAccuracy(
      List<LinearTrainer.MultiLabelExample> examples, double[][] p) {
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      for (int c = 0; c < p[i].length; c++) {
        right += (p[i][c] >= 0.5) == examples.get(i).labels().contains(c) ? 1 : 0;
      }
    }
    return right / (double) (p.length * MULTI_CLASSES.size());
  }
}
