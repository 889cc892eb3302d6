package dev.earshot.labels.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.labels.model.LinearModel;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicModelTest {
  /** "debt" says card-consolidation (p = 0.88 with the bias), nothing says rewards. */
  private static final String MODEL =
      """
      <classes>\tcard-consolidation\trewards
      <bias>\t-2\t-2
      <threshold>\t0.7\t0.7
      u:debt\t4\t0
      """;

  static TopicModel model(String text) throws Exception {
    return new TopicModel(
        LinearModel.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "topics.tsv"));
  }

  private static final Set<String> TAXONOMY = Set.of("card-consolidation", "rewards");

  @Test
  void aTopicFromTheThresholdOnIsAddedToThePhraseMatches() throws Exception {
    TopicModel model = model(MODEL);

    assertThat(model.linear().independentProbabilities(Map.of("u:debt", 1.0))[0])
        .isCloseTo(1 / (1 + Math.exp(-2)), within(1e-9));
    assertThat(model.topics(Map.of("u:debt", 1.0), Set.of("rewards"), Set.of(), TAXONOMY))
        .containsExactly("card-consolidation", "rewards");
    assertThat(model.topics(Map.of("u:other", 1.0), Set.of(), Set.of(), TAXONOMY)).isEmpty();
  }

  @Test
  void anExcludePhraseVetoesWhatTheModelSuggests() throws Exception {
    assertThat(
            model(MODEL)
                .topics(Map.of("u:debt", 1.0), Set.of(), Set.of("card-consolidation"), TAXONOMY))
        .isEmpty();
  }

  @Test
  void aTopicTheTaxonomyNoLongerHasIsNeverGiven() throws Exception {
    assertThat(model(MODEL).topics(Map.of("u:debt", 1.0), Set.of(), Set.of(), Set.of("rewards")))
        .isEmpty();
  }

  @Test
  void aModelWithoutThresholdsOrWithImpossibleOnesIsRefused() {
    assertThatThrownBy(() -> model("<classes>\ta\tb\n<bias>\t0\t0\n"))
        .hasMessageContaining("<threshold>");
    assertThatThrownBy(() -> model("<classes>\ta\tb\n<bias>\t0\t0\n<threshold>\t0.5\t1.5\n"))
        .hasMessageContaining("(0, 1)");
  }

  @Test
  void theBundledModelKnowsTheDefaultTaxonomysTopics() {
    Taxonomy taxonomy = TaxonomyParser.loadDefault(new TextAnalyzer());

    assertThat(List.copyOf(TopicModel.loadDefault().topics()))
        .containsExactlyInAnyOrderElementsOf(taxonomy.topicLabels());
  }
}
