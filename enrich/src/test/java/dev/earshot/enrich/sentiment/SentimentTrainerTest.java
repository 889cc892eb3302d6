package dev.earshot.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentTrainerTest {
  private static final int NEGATIVE = 0;
  private static final int NEUTRAL = 1;
  private static final int POSITIVE = 2;

  /** Posts whose class follows from one cue word each; every other word is noise. */
  private static List<SentimentTrainer.Example> examples() {
    String[] cues = {"declined", "question", "approved"};
    String[] noise = {"card", "today", "my", "the", "bank", "app"};
    List<SentimentTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int label = i % 3;
      Map<String, Double> features = new LinkedHashMap<>();
      features.put("u:" + cues[label], 1.0);
      features.put("u:" + noise[i % noise.length], 1.0);
      features.put("u:" + noise[(i / 3) % noise.length], 1.0);
      examples.add(new SentimentTrainer.Example(features, label));
    }
    return examples;
  }

  @Test
  void learnsTheCueWords() {
    SentimentModel model = SentimentTrainer.DEFAULT.train(examples(), List.of("test"));

    assertThat(model.score(Map.of("u:declined", 1.0, "u:card", 1.0)).label()).isEqualTo("negative");
    assertThat(model.score(Map.of("u:approved", 1.0, "u:app", 1.0)).label()).isEqualTo("positive");
    assertThat(model.score(Map.of("u:question", 1.0)).label()).isEqualTo("neutral");
    assertThat(model.comments()).first().isEqualTo("test");
    assertThat(model.comments()).last().asString().contains("60 posts");
  }

  @Test
  void sameExamplesGiveTheSameModelByteForByte() throws Exception {
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    SentimentTrainer.DEFAULT.train(examples(), List.of()).write(first);
    SentimentTrainer.DEFAULT.train(examples(), List.of()).write(second);

    assertThat(first.toString()).isEqualTo(second.toString()).contains("u:declined");
  }

  @Test
  void featuresRarerThanMinCountGetNoWeight() throws Exception {
    List<SentimentTrainer.Example> examples = new ArrayList<>(examples());
    examples.add(new SentimentTrainer.Example(Map.of("u:once", 1.0), POSITIVE));
    StringWriter out = new StringWriter();
    SentimentTrainer.DEFAULT.train(examples, List.of()).write(out);
    StringWriter kept = new StringWriter();
    new SentimentTrainer(1e-3, 300, 0.3, 1).train(examples, List.of()).write(kept);

    assertThat(out.toString()).doesNotContain("u:once");
    assertThat(kept.toString()).contains("u:once");
  }

  @Test
  void crossValidationPredictsEveryExampleFromTheOtherFolds() {
    List<SentimentTrainer.Example> examples = examples();
    int[] predicted = SentimentTrainer.DEFAULT.crossValidate(examples, 5);

    assertThat(predicted).hasSize(examples.size());
    for (int i = 0; i < predicted.length; i++) {
      assertThat(predicted[i]).as("example %d", i).isEqualTo(examples.get(i).label());
    }
    assertThat(NEGATIVE + NEUTRAL).isEqualTo(1); // the class order the examples assume
  }
}
