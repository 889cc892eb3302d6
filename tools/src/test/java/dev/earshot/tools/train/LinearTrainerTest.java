package dev.earshot.tools.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.model.LinearModel;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearTrainerTest {
  private static final List<String> CLASSES = List.of("negative", "neutral", "positive");
  private static final int POSITIVE = 2;

  /** Posts whose class follows from one cue word each; every other word is noise. */
  private static List<LinearTrainer.Example> examples() {
    String[] cues = {"declined", "question", "approved"};
    String[] noise = {"card", "today", "my", "the", "bank", "app"};
    List<LinearTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int label = i % 3;
      Map<String, Double> features = new LinkedHashMap<>();
      features.put("u:" + cues[label], 1.0);
      features.put("u:" + noise[i % noise.length], 1.0);
      features.put("u:" + noise[(i / 3) % noise.length], 1.0);
      examples.add(new LinearTrainer.Example(features, label));
    }
    return examples;
  }

  @Test
  void learnsTheCueWords() {
    LinearModel model = LinearTrainer.DEFAULT.train(examples(), CLASSES, List.of("test"));

    assertThat(model.best(Map.of("u:declined", 1.0, "u:card", 1.0))).isEqualTo("negative");
    assertThat(model.best(Map.of("u:approved", 1.0, "u:app", 1.0))).isEqualTo("positive");
    assertThat(model.best(Map.of("u:question", 1.0))).isEqualTo("neutral");
    assertThat(model.classes()).isEqualTo(CLASSES);
    assertThat(model.comments()).first().isEqualTo("test");
    assertThat(model.comments()).last().asString().contains("60 posts");
  }

  @Test
  void sameExamplesGiveTheSameModelByteForByte() throws Exception {
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    LinearTrainer.DEFAULT.train(examples(), CLASSES, List.of()).write(first);
    LinearTrainer.DEFAULT.train(examples(), CLASSES, List.of()).write(second);

    assertThat(first.toString()).isEqualTo(second.toString()).contains("u:declined");
  }

  @Test
  void featuresRarerThanMinCountGetNoWeight() throws Exception {
    List<LinearTrainer.Example> examples = new ArrayList<>(examples());
    examples.add(new LinearTrainer.Example(Map.of("u:once", 1.0), POSITIVE));
    StringWriter out = new StringWriter();
    LinearTrainer.DEFAULT.train(examples, CLASSES, List.of()).write(out);
    StringWriter kept = new StringWriter();
    new LinearTrainer(1e-3, 300, 0.3, 1).train(examples, CLASSES, List.of()).write(kept);

    assertThat(out.toString()).doesNotContain("u:once");
    assertThat(kept.toString()).contains("u:once");
  }

  @Test
  void crossValidationPredictsEveryExampleFromTheOtherFolds() {
    List<LinearTrainer.Example> examples = examples();
    int[] predicted = LinearTrainer.DEFAULT.crossValidate(examples, CLASSES, 5);

    assertThat(predicted).hasSize(examples.size());
    for (int i = 0; i < predicted.length; i++) {
      assertThat(predicted[i]).as("example %d", i).isEqualTo(examples.get(i).label());
    }
  }

  /** Posts with any number of the labels "fees" and "fraud", each shown by its own cue word. */
  private static List<LinearTrainer.MultiLabelExample> multiLabelExamples() {
    List<LinearTrainer.MultiLabelExample> examples = new ArrayList<>();
    String[] noise = {"card", "today", "my", "the", "bank"}; // 5: independent of both labels
    for (int i = 0; i < 80; i++) {
      Map<String, Double> features = new LinkedHashMap<>();
      java.util.Set<Integer> labels = new java.util.TreeSet<>();
      if (i % 2 == 0) {
        features.put("u:fee", 1.0);
        labels.add(0);
      }
      if (i % 4 < 2) {
        features.put("u:stolen", 1.0);
        labels.add(1);
      }
      features.put("u:" + noise[i % noise.length], 1.0);
      examples.add(new LinearTrainer.MultiLabelExample(features, labels));
    }
    return examples;
  }

  @Test
  void multiLabelModelGivesEachClassItsOwnProbability() {
    LinearModel model =
        LinearTrainer.DEFAULT.trainMultiLabel(
            multiLabelExamples(), List.of("fees", "fraud"), List.of());

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
  void multiLabelCrossValidationPredictsEveryExampleFromTheOtherFolds() {
    List<LinearTrainer.MultiLabelExample> examples = multiLabelExamples();
    double[][] p =
        LinearTrainer.DEFAULT.crossValidateMultiLabel(examples, List.of("fees", "fraud"), 5);

    assertThat(p).hasNumberOfRows(examples.size());
    for (int i = 0; i < p.length; i++) {
      for (int c = 0; c < 2; c++) {
        assertThat(p[i][c] >= 0.5)
            .as("example %d class %d", i, c)
            .isEqualTo(examples.get(i).labels().contains(c));
      }
    }
  }
}
