package dev.earshot.tools.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Training sets for the trainer's tests, the same in every JVM (fixed seeds, ordered maps). */
final class TrainingData {
  static final List<String> CLASSES = List.of("negative", "neutral", "positive");
  static final List<String> MULTI_CLASSES = List.of("fees", "fraud");

  private TrainingData() {}

  /** Posts whose class follows from one cue word each; every other word is noise. */
  static List<LinearTrainer.Example> cued() {
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

  /**
   * Posts with balanced classes (in turn) and nothing to learn them from but one word each post has
   * to itself. A model can only get a post right by having seen that very post: on the posts it was
   * trained on it is near 100% right, on unseen posts it guesses (about one in three).
   */
  static List<LinearTrainer.Example> memorisable(int size) {
    List<LinearTrainer.Example> examples = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Map<String, Double> features = Map.of("u:only-in-post-" + i, 1.0);
      // Balanced classes, so that always guessing the commonest class is right 1 time in 3.
      examples.add(new LinearTrainer.Example(features, i % CLASSES.size()));
    }
    return examples;
  }

  /** Posts with any number of the labels "fees" and "fraud", each shown by its own cue word. */
  static List<LinearTrainer.MultiLabelExample> multiLabelCued() {
    List<LinearTrainer.MultiLabelExample> examples = new ArrayList<>();
    String[] noise = {"card", "today", "my", "the", "bank"}; // 5: independent of both labels
    for (int i = 0; i < 80; i++) {
      Map<String, Double> features = new LinkedHashMap<>();
      Set<Integer> labels = new TreeSet<>();
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

  /** The multi-label form of {@link #memorisable}: each label is a coin toss per post. */
  static List<LinearTrainer.MultiLabelExample> multiLabelMemorisable(int size) {
    Random random = new Random(11);
    List<LinearTrainer.MultiLabelExample> examples = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Map<String, Double> features = Map.of("u:only-in-post-" + i, 1.0);
      Set<Integer> labels = new TreeSet<>();
      for (int c = 0; c < MULTI_CLASSES.size(); c++) {
        if (random.nextBoolean()) {
          labels.add(c);
        }
      }
      examples.add(new LinearTrainer.MultiLabelExample(features, labels));
    }
    return examples;
  }
}
