package dev.earshot.labels.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.labels.model.LinearModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentModelTest {
  private static LinearModel linear(String text) throws Exception {
    return LinearModel.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
  }

  @Test
  void scoreIsPositiveMinusNegativeProbabilityWhateverTheColumnOrder() throws Exception {
    SentimentModel model =
        new SentimentModel(
            linear("<classes>\tpositive\tnegative\tneutral\n<bias>\t0\t0\t0\nu:awful\t-1\t2\t0\n"));

    double[] p = model.linear().probabilities(Map.of("u:awful", 1.0));
    SocialSentimentScorer.Score score = model.score(Map.of("u:awful", 1.0));

    assertThat(score.label()).isEqualTo("negative");
    assertThat(score.score()).isCloseTo(p[0] - p[1], within(1e-12)).isBetween(-1.0, 0.0);
    assertThat(score.decidedBy()).isEqualTo("model");
    assertThat(model.score(Map.of()).score()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void aModelWithOtherClassesIsRefused() {
    assertThatThrownBy(() -> new SentimentModel(linear("<classes>\tgood\tbad\n<bias>\t0\t0\n")))
        .hasMessageContaining("[negative, neutral, positive]")
        .hasMessageContaining("[good, bad]");
  }

  @Test
  void theBundledModelLoadsAndFollowsAClearLexiconVerdict() {
    SentimentModel model = SentimentModel.loadDefault();

    assertThat(model.linear().size()).isGreaterThan(1000);
    assertThat(model.linear().comments()).anyMatch(c -> c.contains("train --target sentiment"));
    // the features a post gives (the verdict and the cues come with its words), for words that
    // carry their sentiment in the lexicon
    SocialSentimentScorer scorer =
        new SocialSentimentScorer(SentimentLexicon.load(), PhraseValences.none());
    assertThat(model.score(SentimentFeatures.of(List.of(List.of("abhorrent")), scorer)).label())
        .isEqualTo("negative");
    assertThat(model.score(SentimentFeatures.of(List.of(List.of("marvelous")), scorer)).label())
        .isEqualTo("positive");
  }
}
