package dev.earshot.tools.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.RawPost;
import dev.earshot.labels.LabelModels;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.labels.ModelOrRules;
import dev.earshot.labels.SentimentMode;
import dev.earshot.labels.model.LinearModel;
import dev.earshot.labels.routing.RoutingModel;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrainingFeaturesTest {
  private static final Instant NOW = Instant.parse("2026-11-16T12:00:00Z");

  private static Labeller labeller(LabelModels models) {
    return Labeller.create(
        LabellerSettings.defaults()
            .withSentiment(SentimentMode.LEXICON)
            .withTopics(ModelOrRules.RULES),
        TaxonomyParser.loadDefault(new TextAnalyzer()),
        models,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static RoutingModel routingModel(String text) throws Exception {
    return new RoutingModel(
        LinearModel.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test"));
  }

  @Test
  void sentimentFeaturesAreTheWordsAndTheScorersVerdict() {
    TrainingFeatures features = new TrainingFeatures(labeller(LabelModels.rulesOnly()));

    assertThat(features.sentiment("Approved, love it"))
        .containsKeys("u:approved", "u:love", "lex:positive");
  }

  @Test
  void routingFeaturesHoldTheRulesMatchesAndTheLabelsGiven() throws Exception {
    String departments =
        "<classes>\tservice\tlogistics\tsales\thr\tmarketing\tproduct\tnone\n"
            + "<bias>\t0\t0\t0\t0\t0\t0\t1\n"
            + "u:billboard\t0\t0\t0\t0\t5\t0\t0\n";
    String stages =
        "<classes>\tadvocacy\tconversion\tloyalty\tconsideration\tawareness\tnone\n"
            + "<bias>\t0\t0\t0\t0\t1\t0\n";
    TrainingFeatures features =
        new TrainingFeatures(
            labeller(new LabelModels(null, null, routingModel(departments), routingModel(stages))));

    assertThat(features.routing(post("r4", "Acme customer service hung up")))
        .containsKeys("rule-department:service", "brand:named", "u:hung");
  }

  @Test
  void topicFeaturesAreTheWords() {
    TrainingFeatures features = new TrainingFeatures(labeller(LabelModels.rulesOnly()));

    assertThat(features.topics("all our debt")).containsKeys("u:debt", "b:our debt");
  }

  private static RawPost post(String id, String text) {
    return RawPost.newBuilder()
        .setId(id)
        .setPlatform("twitter")
        .setText(text)
        .setCreatedAt(NOW)
        .setIngestedAt(NOW)
        .setOrigin("test")
        .build();
  }
}
