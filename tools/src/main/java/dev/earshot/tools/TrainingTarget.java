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
  /**
   * Trained on real tweets with human labels (SemEval-2017 Task 4, as TweetEval distributes it;
   * kept outside the repository), with the team's sets as a supplement, each of their posts counted
   * twice. 5-fold cross-validation on the real tweets cannot tell the weights apart (macro-F1
   * 0.654, 0.652 and 0.651 for 1, 2 and 3 copies; 0.651 before the post's cues were features),
   * while a model trained on the real tweets and all but one team set does better on the set left
   * out when the others count more (everyday tweets 0.673 at 1 copy, 0.694 at 2; domain posts 0.688
   * and 0.707): 2 generalises beyond the real tweets at no cost on them, and the domain's words
   * ("declined", "bumped my limit") come only from the team's sets. Classes weigh equally: the real
   * set is 48% neutral and 19% positive, which says nothing about the posts a deployment will see.
   */
  sentiment(
      ModelFiles.SENTIMENT,
      List.of(TrainingTarget.REAL_TWEETS),
      List.of("eval/train-posts.jsonl", "eval/train-general.jsonl", TrainingTarget.DEV_SET)) {
    @Override
    boolean balancedByDefault() {
      return true;
    }

    @Override
    int supplementWeight() {
      return 2;
    }

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
  topics(ModelFiles.TOPICS, "eval/train-posts.jsonl", TrainingTarget.DEV_SET) {
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
  department(ModelFiles.DEPARTMENT, "eval/train-posts.jsonl", TrainingTarget.DEV_SET) {
    @Override
    List<String> classes(Taxonomy taxonomy) {
      return withNone(taxonomy.departmentLabels());
    }
  },
  stage(ModelFiles.STAGE, "eval/train-posts.jsonl", TrainingTarget.DEV_SET) {
    @Override
    List<String> classes(Taxonomy taxonomy) {
      return withNone(taxonomy.stageLabels());
    }
  };

  /**
   * How many times each post of the default supplement counts ({@code train --supplement-weight}).
   */
  int supplementWeight() {
    return 1;
  }

  /** Whether the target's classes weigh equally by default ({@code train --balanced}). */
  boolean balancedByDefault() {
    return false;
  }

  /** Tuned on: every target trains on it too. */
  static final String DEV_SET = "eval/dev-posts.jsonl";

  /**
   * Real tweets with human sentiment labels, for training and cross-validation: SemEval-2017 Task 4
   * (A) as TweetEval distributes it, in the eval/ format. Outside the repository (other people's
   * posts); its sibling {@code semeval2017-b.jsonl} is for reporting only, never trained on.
   */
  static final String REAL_TWEETS = "../shared/data/tweets/semeval2017-a.jsonl";

  private final String modelFile;
  private final List<String> defaultSets;
  private final List<String> defaultSupplement;

  TrainingTarget(String modelFile, String... trainingSets) {
    this(modelFile, List.of(trainingSets), List.of());
  }

  TrainingTarget(String modelFile, List<String> trainingSets, List<String> supplement) {
    this.modelFile = modelFile;
    this.defaultSets = trainingSets;
    this.defaultSupplement = supplement;
  }

  /** The sets trained on without {@code --labelled}; never the held-out evaluation sets. */
  List<Path> defaultSets() {
    return defaultSets.stream().map(Path::of).toList();
  }

  /**
   * Added to the default sets (and only to them: {@code --labelled} trains on what it names): in a
   * cross-validation they train every fold and are never scored.
   */
  List<Path> defaultSupplement() {
    return defaultSupplement.stream().map(Path::of).toList();
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
