package dev.earshot.labels.routing;

import dev.earshot.labels.text.TextFeatures;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the department and stage models look at in a post: its words ({@link TextFeatures}), what
 * the taxonomy's rules found (every department and stage whose phrases match, topics, whether a
 * brand is named) and the post's sentiment. The rules stay the analysts' lever: a phrase they add
 * to a department is a feature the model weighs, alongside the words around it.
 */
public final class RoutingFeatures {
  private RoutingFeatures() {}

  /**
   * @param sentences the post's tokens, by sentence, in their original case
   */
  public static Map<String, Double> of(
      List<List<String>> sentences,
      Collection<String> ruleDepartments,
      Collection<String> ruleStages,
      Collection<String> topics,
      Collection<String> brands,
      String sentiment) {
    Map<String, Double> features = new HashMap<>();
    TextFeatures.addWords(sentences, features);
    addRules(ruleDepartments, ruleStages, topics, brands, sentiment, features);
    return features;
  }

  /**
   * Adds what the rules found and the sentiment to features that already hold the post's words
   * (other features there, such as the sentiment model's, carry no weight in a routing model).
   */
  public static void addRules(
      Collection<String> ruleDepartments,
      Collection<String> ruleStages,
      Collection<String> topics,
      Collection<String> brands,
      String sentiment,
      Map<String, Double> features) {
    ruleDepartments.forEach(d -> features.put("rule-department:" + d, 1.0));
    ruleStages.forEach(s -> features.put("rule-stage:" + s, 1.0));
    topics.forEach(t -> features.put("topic:" + t, 1.0));
    features.put(brands.isEmpty() ? "brand:none" : "brand:named", 1.0);
    features.put("sentiment:" + sentiment, 1.0);
  }
}
