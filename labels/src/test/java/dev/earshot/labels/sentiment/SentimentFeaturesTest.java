package dev.earshot.labels.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {
  private static final SocialSentimentScorer.Score NEUTRAL_NO_CUE =
      new SocialSentimentScorer.Score("neutral", 0.0, SocialSentimentScorer.NO_CUE);

  @Test
  void wordsAfterANegationAreMarkedUntilTheClauseEnds() {
    Map<String, Double> f =
        SentimentFeatures.of(
            List.of(List.of("Not", "worth", "it", ",", "rewards", "are", "fine")), NEUTRAL_NO_CUE);

    assertThat(f).containsKeys("u:not", "u:not_worth", "u:not_it", "u:rewards", "u:fine");
    assertThat(f).doesNotContainKeys("u:worth", "u:not_rewards", "u:not_fine");
  }

  @Test
  void contractedNegationsAndButAreHandled() {
    Map<String, Double> f =
        SentimentFeatures.of(List.of(List.of("did", "n't", "help", "but", "fast")), NEUTRAL_NO_CUE);

    assertThat(f).containsKeys("u:not_help", "u:but", "u:fast");
    assertThat(f).doesNotContainKeys("u:not_fast", "u:not_but");
  }

  @Test
  void bigramsStartAtTheSentenceAndQuestionsAreMarked() {
    Map<String, Double> f =
        SentimentFeatures.of(
            List.of(List.of("On", "hold"), List.of("Any", "tips", "?")), NEUTRAL_NO_CUE);

    assertThat(f).containsKeys("b:<s> on", "b:on hold", "b:<s> any", "q:tips", "u:?");
    assertThat(f).doesNotContainKeys("q:hold", "b:hold any");
  }

  @Test
  void tokensAreNormalisedSoVariantsShareAFeature() {
    Map<String, Double> f =
        SentimentFeatures.of(
            List.of(List.of("#Fail", "SOOOO", "29.9%", "“", "$500")), NEUTRAL_NO_CUE);

    assertThat(f).containsKeys("u:fail", "u:soo", "u:00.0%", "u:$000");
    assertThat(f.keySet()).noneMatch(k -> k.contains("“"));
  }

  @Test
  void theLexiconVerdictIsAFeature() {
    Map<String, Double> f =
        SentimentFeatures.of(
            List.of(List.of("great")), new SocialSentimentScorer.Score("positive", 0.5, "lexicon"));

    assertThat(f).containsEntry("lex:compound", 0.5).containsEntry("lex:positive", 1.0);
    assertThat(f.get("lex:compound^3")).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f).doesNotContainKey("lex:no-cue");
    assertThat(SentimentFeatures.of(List.of(List.of("card")), NEUTRAL_NO_CUE))
        .containsEntry("lex:no-cue", 1.0)
        .containsEntry("lex:neutral", 1.0);
  }
}
