package dev.earshot.labels.taxonomy;

import dev.earshot.labels.sentiment.PhraseValences;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The compiled taxonomy: audiences, topics and brands as phrase matchers, and domain sentiment
 * phrases; it answers which labels a post's tokens match. Immutable; {@link TaxonomyParser} makes
 * one from a rules file.
 */
public final class Taxonomy {
  private final String version;
  private final PhraseMatcher audiences;
  private final PhraseMatcher audienceBios;
  private final PhraseMatcher topics;
  private final PhraseMatcher brands;
  private final PhraseValences sentimentPhrases;
  private final Set<String> audienceLabels;
  private final Set<String> topicLabels;
  private final Set<String> brandLabels;
  private final RankedLabels departments;
  private final RankedLabels stages;

  Taxonomy(
      String version,
      PhraseMatcher audiences,
      PhraseMatcher audienceBios,
      PhraseMatcher topics,
      PhraseMatcher brands,
      PhraseValences sentimentPhrases,
      Set<String> audienceLabels,
      Set<String> topicLabels,
      Set<String> brandLabels,
      RankedLabels departments,
      RankedLabels stages) {
    this.version = version;
    this.audiences = audiences;
    this.audienceBios = audienceBios;
    this.topics = topics;
    this.brands = brands;
    this.sentimentPhrases = sentimentPhrases;
    this.audienceLabels = audienceLabels;
    this.topicLabels = topicLabels;
    this.brandLabels = brandLabels;
    this.departments = departments;
    this.stages = stages;
  }

  /**
   * The version recorded on every post it labels: the file's {@code version} plus a hash of its
   * content, so two different files never share a version even if an analyst forgets to bump it.
   */
  public String version() {
    return version;
  }

  /** The tokens as every rule compares them: compute once per post, then ask each question. */
  public static PhraseMatcher.Stems stems(List<String> tokens) {
    return PhraseMatcher.Stems.of(tokens);
  }

  public Set<String> audiences(List<String> tokens, List<String> bioTokens) {
    return audiences(stems(tokens), stems(bioTokens));
  }

  public Set<String> audiences(PhraseMatcher.Stems text, PhraseMatcher.Stems bio) {
    PhraseMatcher.Matches inPost = audiences.matchAndVetoes(text);
    Set<String> found = new java.util.TreeSet<>(inPost.found());
    if (!bio.isEmpty()) {
      found.addAll(audienceBios.match(bio));
      // An exclude phrase in the post vetoes the label even when the bio suggested it.
      found.removeAll(inPost.vetoed());
    }
    return found;
  }

  /** The team that should pick the post up, if any (the first listed department that matches). */
  public Optional<String> department(List<String> tokens) {
    return departments.first(stems(tokens));
  }

  public Optional<String> department(PhraseMatcher.Stems text) {
    return departments.first(text);
  }

  /** The journey stage the post shows, if any (the first listed stage that matches). */
  public Optional<String> stage(List<String> tokens) {
    return stages.first(stems(tokens));
  }

  public Optional<String> stage(PhraseMatcher.Stems text) {
    return stages.first(text);
  }

  /** Every department whose phrases match, in the order listed. */
  public List<String> departments(List<String> tokens) {
    return departments.all(stems(tokens));
  }

  public List<String> departments(PhraseMatcher.Stems text) {
    return departments.all(text);
  }

  /** Every journey stage whose phrases match, in the order listed. */
  public List<String> stages(List<String> tokens) {
    return stages.all(stems(tokens));
  }

  public List<String> stages(PhraseMatcher.Stems text) {
    return stages.all(text);
  }

  public List<String> departmentLabels() {
    return departments.order();
  }

  public List<String> stageLabels() {
    return stages.order();
  }

  public Set<String> topics(List<String> tokens) {
    return topics(stems(tokens));
  }

  public Set<String> topics(PhraseMatcher.Stems text) {
    return topics.match(text);
  }

  /**
   * The topics the phrases match, and those an exclude phrase in the post rules out whatever else
   * suggests them (the topic model), in one scan.
   */
  public PhraseMatcher.Matches topicMatches(PhraseMatcher.Stems text) {
    return topics.matchAndVetoes(text);
  }

  public Set<String> brands(List<String> tokens) {
    return brands(stems(tokens));
  }

  /** Brands named in the post, also inside compounds and elisions ("Acme-Karte", "d'Acme"). */
  public Set<String> brands(PhraseMatcher.Stems text) {
    return brands.matchInsideWords(text);
  }

  public PhraseValences sentimentPhrases() {
    return sentimentPhrases;
  }

  public Set<String> audienceLabels() {
    return audienceLabels;
  }

  public Set<String> topicLabels() {
    return topicLabels;
  }

  public Set<String> brandLabels() {
    return brandLabels;
  }

  record RankedLabels(PhraseMatcher matcher, List<String> order) {
    Optional<String> first(PhraseMatcher.Stems text) {
      Set<String> matched = matcher.match(text);
      return order.stream().filter(matched::contains).findFirst();
    }

    List<String> all(PhraseMatcher.Stems text) {
      Set<String> matched = matcher.match(text);
      return order.stream().filter(matched::contains).toList();
    }
  }
}
