package dev.earshot.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabellerSettingsTest {
  @Test
  void nothingSetMeansTheBundledTaxonomyAndModelsAndTheServiceLimits() {
    LabellerSettings settings = LabellerSettings.from(key -> null);

    assertThat(settings.taxonomyFile()).isNull();
    assertThat(settings.sentiment()).isEqualTo(SentimentMode.MODEL);
    assertThat(settings.sentimentModelFile()).isNull();
    assertThat(settings.topics()).isEqualTo(ModelOrRules.MODEL);
    assertThat(settings.topicModelFile()).isNull();
    assertThat(settings.routing()).isEqualTo(ModelOrRules.MODEL);
    assertThat(settings.departmentModelFile()).isNull();
    assertThat(settings.stageModelFile()).isNull();
    assertThat(settings.maxTextChars()).isEqualTo(10_000);
    assertThat(settings.maxTimePerPost()).isEqualTo(Duration.ofMillis(2000));
    assertThat(LabellerSettings.defaults()).isEqualTo(settings);
  }

  @Test
  void blankValuesTakeTheDefaultAsAnEmptyPropertiesLineDoes() {
    Map<String, String> blank =
        Map.of(LabellerSettings.SENTIMENT, " ", LabellerSettings.TAXONOMY_FILE, "");

    assertThat(LabellerSettings.from(blank)).isEqualTo(LabellerSettings.defaults());
  }

  @Test
  void readsEveryKeyTheEnrichServiceUses() {
    Map<String, String> values =
        Map.of(
            "enrich.taxonomy.file", "rules.yaml",
            "enrich.sentiment", "rntn-when-no-cue",
            "enrich.sentiment.model.file", "s.tsv",
            "enrich.topics", "rules",
            "enrich.topic.model.file", "t.tsv",
            "enrich.routing", "RULES",
            "enrich.department.model.file", "d.tsv",
            "enrich.stage.model.file", "st.tsv",
            "enrich.max.text.chars", "500",
            "enrich.max.millis.per.post", "0");

    LabellerSettings settings = LabellerSettings.from(values);

    assertThat(settings)
        .isEqualTo(
            new LabellerSettings(
                Path.of("rules.yaml"),
                SentimentMode.RNTN_WHEN_NO_CUE,
                Path.of("s.tsv"),
                ModelOrRules.RULES,
                Path.of("t.tsv"),
                ModelOrRules.RULES,
                Path.of("d.tsv"),
                Path.of("st.tsv"),
                500,
                Duration.ZERO));
    assertThat(LabellerSettings.KEYS).containsExactlyInAnyOrderElementsOf(values.keySet());
  }

  @Test
  void aValueThatDoesNotParseNamesItsKey() {
    assertThatThrownBy(() -> LabellerSettings.from(Map.of("enrich.topics", "maybe")))
        .hasMessageContaining("enrich.topics must be model or rules, was 'maybe'");
    assertThatThrownBy(() -> LabellerSettings.from(Map.of("enrich.sentiment", "vibes")))
        .hasMessageContaining("enrich.sentiment must be model, lexicon");
    assertThatThrownBy(() -> LabellerSettings.from(Map.of("enrich.max.text.chars", "lots")))
        .hasMessageContaining("'enrich.max.text.chars' must be a whole number");
  }

  @Test
  void everyKeyWithADefaultIsOneOfTheKeys() {
    assertThat(LabellerSettings.KEYS).containsAll(LabellerSettings.DEFAULTS.keySet());
  }
}
