package dev.earshot.labels.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.labels.LabelModels;
import dev.earshot.labels.model.LinearModel;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingModelTest {
  private static RoutingModel model(String text) throws Exception {
    return new RoutingModel(
        LinearModel.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv"));
  }

  @Test
  void noneMeansNoLabel() throws Exception {
    RoutingModel model =
        model("<classes>\tservice\tnone\n<bias>\t0\t1\nrule-department:service\t3\t0\n");

    assertThat(model.label(Map.of())).isEmpty();
    assertThat(model.label(Map.of("rule-department:service", 1.0))).contains("service");
  }

  @Test
  void coversExactlyTheLabelsItKnows() throws Exception {
    RoutingModel model = model("<classes>\tservice\tsales\tnone\n<bias>\t0\t0\t0\n");

    assertThat(model.covers(List.of("sales", "service"))).isTrue();
    assertThat(model.covers(List.of("service"))).isFalse();
    assertThat(model.covers(List.of("service", "sales", "legal"))).isFalse();
  }

  @Test
  void aModelWithoutNoneIsRefused() {
    assertThatThrownBy(() -> model("<classes>\tservice\tsales\n<bias>\t0\t0\n"))
        .hasMessageContaining("'none'");
  }

  @Test
  void theBundledModelsCoverTheDefaultTaxonomy() {
    Taxonomy taxonomy = TaxonomyParser.loadDefault(new TextAnalyzer());
    LabelModels bundled = LabelModels.bundled();

    assertThat(bundled.department().covers(taxonomy.departmentLabels())).isTrue();
    assertThat(bundled.stage().covers(taxonomy.stageLabels())).isTrue();
    assertThat(LabelModels.rulesOnly().department()).isNull();
    assertThatThrownBy(
            () -> dev.earshot.labels.LabellerSettings.from(Map.of("enrich.routing", "magic")))
        .hasMessageContaining("enrich.routing must be model or rules");
  }

  @Test
  void featuresCarryRulesTopicsBrandsSentimentAndWords() {
    Map<String, Double> f =
        RoutingFeatures.of(
            List.of(List.of("card", "never", "arrived")),
            List.of("logistics"),
            List.of(),
            List.of("payments-billing"),
            List.of(),
            "negative");

    assertThat(f)
        .containsKeys(
            "rule-department:logistics",
            "topic:payments-billing",
            "brand:none",
            "sentiment:negative",
            "u:card",
            "u:not_arrived");
    assertThat(f).doesNotContainKeys("brand:named", "u:arrived");
  }
}
