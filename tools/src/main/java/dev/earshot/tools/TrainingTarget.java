package dev.earshot.tools;

import dev.earshot.avro.RawPost;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.labels.ModelOrRules;
import dev.earshot.labels.SentimentMode;
import dev.earshot.labels.model.ModelFiles;
import dev.earshot.labels.routing.RoutingModel;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.tools.train.TrainingFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model {@code train} can train, and all it does differently for each: the sets it trains on by
 * default, where the bundled model is, the labeller whose features it reads, the classes, and each
 * post's expected class and features. Lower-case names: they are the {@code --target} values.
 */
enum TrainingTarget {
  sentiment(ModelFiles.SENTIMENT, "eval/train-posts.jsonl", "eval/train-general.jsonl") {
    /** The sentiment features do not depend on a model: the lexicon scorer alone. */
    @Override
    LabellerSettings labeller(LabellerSettings options) {
      return options
          .withSentiment(SentimentMode.LEXICON)
          .withTopics(ModelOrRules.RULES)
          .withRouting(ModelOrRules.RULES);
    }

    @Override
    List<String> classes(Taxonomy taxonomy) {
      return SentimentModel.CLASSES;
    }

    @Override
    String expected(LabelledPosts.Labelled post) {
      return post.expectedSentiment();
    }

    @Override
    Map<String, Double> features(TrainingFeatures features, RawPost post) {
      return features.sentiment(post.getText());
    }
  },
  topics(ModelFiles.TOPICS, "eval/train-posts.jsonl") {
    @Override
    LabellerSettings labeller(LabellerSettings options) {
      return options.withTopics(ModelOrRules.RULES).withRouting(ModelOrRules.RULES);
    }

    @Override
    List<String> classes(Taxonomy taxonomy) {
      return new ArrayList<>(new TreeSet<>(taxonomy.topicLabels()));
    }

    @Override
    boolean multiLabel() {
      return true;
    }

    @Override
    String expected(LabelledPosts.Labelled post) {
      throw new IllegalStateException("a post has any number of topics");
    }

    @Override
    Map<String, Double> features(TrainingFeatures features, RawPost post) {
      return features.topics(post.getText());
    }
  },
  department(ModelFiles.DEPARTMENT, "eval/train-posts.jsonl") {
    @Override
    List<String> classes(Taxonomy taxonomy) {
      return withNone(taxonomy.departmentLabels());
    }
  },
  stage(ModelFiles.STAGE, "eval/train-posts.jsonl") {
    @Override
    List<String> classes(Taxonomy taxonomy) {
      return withNone(taxonomy.stageLabels());
    }
  };

  /** Tuned on: every target trains on it too. */
  private static final String DEV_SET = "eval/dev-posts.jsonl";

  private final String modelFile;
  private final List<String> defaultSets;

  TrainingTarget(String modelFile, String... trainingSets) {
    this.modelFile = modelFile;
    List<String> sets = new ArrayList<>(List.of(trainingSets));
    sets.add(DEV_SET);
    this.defaultSets = List.copyOf(sets);
  }

  /** The sets trained on without {@code --labelled}; never the held-out evaluation sets. */
  List<Path> defaultSets() {
    return defaultSets.stream().map(Path::of).toList();
  }

  /** Where the bundled model's source is: {@code --out}'s default. */
  Path defaultOut() {
    return Path.of(ModelFiles.SOURCE_DIRECTORY + modelFile);
  }

  /**
   * The labeller whose features are trained on. Department and stage (the default here) read the
   * post's topics and sentiment as the bundled models give them, and route by the rules.
   */
  LabellerSettings labeller(LabellerSettings options) {
    return options.withRouting(ModelOrRules.RULES);
  }

  abstract List<String> classes(Taxonomy taxonomy);

  /** Whether a post has any number of these labels (topics), rather than exactly one. */
  boolean multiLabel() {
    return false;
  }

  /** The class a labelled post expects. */
  String expected(LabelledPosts.Labelled post) {
    var node = post.expected().path(name());
    return node.isNull() || node.isMissingNode() ? RoutingModel.NONE : node.asText();
  }

  Map<String, Double> features(TrainingFeatures features, RawPost post) {
    return features.routing(post);
  }

  /** The taxonomy's labels plus the class of posts that get none. */
  private static List<String> withNone(List<String> labels) {
    List<String> classes = new ArrayList<>(labels);
    classes.add(RoutingModel.NONE);
    return classes;
  }
}
