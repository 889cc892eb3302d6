package dev.earshot.labels.taxonomy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The rules file as written by analysts (YAML); see {@code taxonomy/default.yaml}. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TaxonomyFile(
    String version,
    Map<String, AudienceRule> audiences,
    Map<String, TopicRule> topics,
    Map<String, BrandRule> brands,
    Map<String, TopicRule> departments,
    Map<String, TopicRule> stages,
    SentimentRules sentiment) {

  public record AudienceRule(List<String> phrases, List<String> bio, List<String> exclude) {}

  public record TopicRule(List<String> phrases, List<String> exclude) {}

  public record BrandRule(
      List<String> names,
      List<String> handles,
      List<String> misspellings,
      List<String> exclude,
      Boolean own) {}

  public record SentimentRules(Map<String, Double> phrases) {}
}
