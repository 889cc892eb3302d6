package dev.earshot.tools;

import dev.earshot.labels.Labeller;
import dev.earshot.labels.text.Languages;
import dev.earshot.tools.train.LinearTrainer;
import dev.earshot.tools.train.TrainingFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A labelled set as {@code train}'s examples: English posts only, each with its expected class. */
final class TrainingExamples {
  private TrainingExamples() {}

  /**
   * English posts of a labelled set with the topics they are about (any number, or none); adds the
   * topics the taxonomy's phrases give each of them to {@code byPhrases}.
   */
  static List<LinearTrainer.MultiLabelExample> topics(
      Labeller labeller,
      TrainingFeatures features,
      Path file,
      List<String> classes,
      List<Set<String>> byPhrases)
      throws IOException {
    List<LinearTrainer.MultiLabelExample> examples = new ArrayList<>();
    for (LabelledPosts.Labelled post : LabelledPosts.read(file)) {
      if (!readByModels(post)) {
        continue;
      }
      Set<Integer> labels = new TreeSet<>();
      for (var topic : post.expected().path("topics")) {
        int label = classes.indexOf(topic.asText());
        if (label < 0) {
          throw new IllegalArgumentException(
              file
                  + ": post "
                  + post.post().getId()
                  + " has topic '"
                  + topic.asText()
                  + "', not one of "
                  + classes);
        }
        labels.add(label);
      }
      examples.add(
          new LinearTrainer.MultiLabelExample(features.topics(post.post().getText()), labels));
      byPhrases.add(Set.copyOf(labeller.enrich(post.post()).getTopics()));
    }
    return examples;
  }

  /** English posts of a labelled set as training examples; others are never labelled by models. */
  static List<LinearTrainer.Example> of(
      TrainingFeatures features, Path file, TrainingTarget target, List<String> classes)
      throws IOException {
    List<LinearTrainer.Example> examples = new ArrayList<>();
    for (LabelledPosts.Labelled post : LabelledPosts.read(file)) {
      if (!readByModels(post)) {
        continue;
      }
      String expected = target.expected(post);
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
      examples.add(new LinearTrainer.Example(target.features(features, post.post()), label));
    }
    return examples;
  }

  /**
   * Whether the labeller would give this post to the models, by its expected language (a post
   * without one is English): the others are never labelled by models, so never trained on.
   */
  private static boolean readByModels(LabelledPosts.Labelled post) {
    return Languages.readByModels(post.expected().path("lang").asText(Languages.ENGLISH));
  }
}
