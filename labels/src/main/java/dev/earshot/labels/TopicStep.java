package dev.earshot.labels;

import dev.earshot.labels.taxonomy.PhraseMatcher;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.topics.TopicModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an English post's topics are found: by the taxonomy's phrases alone, or by the phrases and
 * the topic model. Chosen when the labeller is built, and again for each taxonomy it is given: a
 * model that knows none of a taxonomy's topics leaves them to the phrases.
 */
interface TopicStep {
  Logger log = LoggerFactory.getLogger(TopicStep.class);

  /** The phrases' topics. */
  TopicStep BY_PHRASES =
      new TopicStep() {
        @Override
        public List<String> topics(
            Map<String, Double> features, PhraseMatcher.Matches phrases, Taxonomy taxonomy) {
          return List.copyOf(phrases.found());
        }

        @Override
        public boolean readsWords() {
          return false;
        }
      };

  /**
   * @param features the post's word features
   * @param phrases the topics the taxonomy's phrases found, and those its exclude phrases veto
   */
  List<String> topics(
      Map<String, Double> features, PhraseMatcher.Matches phrases, Taxonomy taxonomy);

  /** Whether the step reads the post's word features. */
  boolean readsWords();

  /**
   * The model's step if it knows some of the taxonomy's topics (topics it does not know are found
   * by their phrases alone, and a warning says which); else, or with no model, the phrases'.
   */
  static TopicStep of(TopicModel model, Taxonomy taxonomy) {
    if (model == null) {
      return BY_PHRASES;
    }
    Set<String> topics = taxonomy.topicLabels();
    Set<String> unknown = new TreeSet<>(topics);
    model.topics().forEach(unknown::remove);
    if (unknown.size() == topics.size()) {
      log.warn(
          "the topic model knows {}, none of the taxonomy's topics: phrases alone find topics",
          model.topics());
      return BY_PHRASES;
    }
    if (!unknown.isEmpty()) {
      log.warn(
          "the topic model does not know {}: phrases alone find those (./earshot train --target"
              + " topics)",
          unknown);
    }
    return new ByModel(model);
  }

  /** The phrases' topics, plus those the model gives, less those an exclude phrase vetoes. */
  record ByModel(TopicModel model) implements TopicStep {
    @Override
    public List<String> topics(
        Map<String, Double> features, PhraseMatcher.Matches phrases, Taxonomy taxonomy) {
      return List.copyOf(
          model.topics(features, phrases.found(), phrases.vetoed(), taxonomy.topicLabels()));
    }

    @Override
    public boolean readsWords() {
      return true;
    }
  }
}
