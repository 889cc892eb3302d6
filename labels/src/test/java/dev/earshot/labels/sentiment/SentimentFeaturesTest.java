package dev.earshot.labels.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentFeaturesTest {
  private static final SentimentLexicon LEXICON = SentimentLexicon.load();
  private static final SocialSentimentScorer SCORER =
      new SocialSentimentScorer(LEXICON, PhraseValences.none());
  private static final SocialSentimentScorer.Score NEUTRAL_NO_CUE =
      new SocialSentimentScorer.Score("neutral", 0.0, SocialSentimentScorer.NO_CUE);

  @Test
  void wordsAfterANegationAreMarkedUntilTheClauseEnds() {
    Map<String, Double> f =
        SentimentFeatures.of(
            List.of(List.of("Not", "worth", "it", ",", "rewards", "are", "fine")), SCORER);

    assertThat(f).containsKeys("u:not", "u:not_worth", "u:not_it", "u:rewards", "u:fine");
    assertThat(f).doesNotContainKeys("u:worth", "u:not_rewards", "u:not_fine");
  }

  @Test
  void contractedNegationsAndButAreHandled() {
    Map<String, Double> f =
        SentimentFeatures.of(List.of(List.of("did", "n't", "help", "but", "fast")), SCORER);

    assertThat(f).containsKeys("u:not_help", "u:but", "u:fast");
    assertThat(f).doesNotContainKeys("u:not_fast", "u:not_but");
  }

  @Test
  void bigramsStartAtTheSentenceAndQuestionsAreMarked() {
    Map<String, Double> f =
        SentimentFeatures.of(List.of(List.of("On", "hold"), List.of("Any", "tips", "?")), SCORER);

    assertThat(f).containsKeys("b:<s> on", "b:on hold", "b:<s> any", "q:tips", "u:?");
    assertThat(f).doesNotContainKeys("q:hold", "b:hold any");
  }

  @Test
  void tokensAreNormalisedSoVariantsShareAFeature() {
    Map<String, Double> f =
        SentimentFeatures.of(List.of(List.of("#Fail", "SOOOO", "29.9%", "“", "$500")), SCORER);

    assertThat(f).containsKeys("u:fail", "u:soo", "u:00.0%", "u:$000");
    assertThat(f.keySet()).noneMatch(k -> k.contains("“"));
  }

  @Test
  void theLexiconVerdictIsAFeature() {
    Map<String, Double> f = new HashMap<>();
    SentimentFeatures.addLexicon(new SocialSentimentScorer.Score("positive", 0.5, "lexicon"), f);

    assertThat(f).containsEntry("lex:compound", 0.5).containsEntry("lex:positive", 1.0);
    assertThat(f.get("lex:compound^3")).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f).doesNotContainKey("lex:no-cue");
    Map<String, Double> noCue = new HashMap<>();
    SentimentFeatures.addLexicon(NEUTRAL_NO_CUE, noCue);
    assertThat(noCue).containsEntry("lex:no-cue", 1.0).containsEntry("lex:neutral", 1.0);
  }

  @Test
  void theScorersVerdictOnThePostIsAmongItsFeatures() {
    List<List<String>> sentences = List.of(List.of("great", "rewards"));
    SocialSentimentScorer.Score verdict = SCORER.score(sentences);

    assertThat(SentimentFeatures.of(sentences, SCORER))
        .containsEntry("lex:compound", verdict.score())
        .containsEntry("lex:" + verdict.label(), 1.0);
  }

  @Test
  void cuesCountTheLexiconWordsEachWayAndKeepTheStrongest() {
    Map<String, Double> f =
        SentimentFeatures.of(List.of(List.of("great", "app", ",", "awful", "fees")), SCORER);

    assertThat(f)
        .containsEntry("cue:positive-words", Math.log1p(1))
        .containsEntry("cue:negative-words", Math.log1p(1))
        .containsEntry("cue:strongest-positive", LEXICON.valence("great") / 4)
        .containsEntry("cue:strongest-negative", LEXICON.valence("awful") / 4)
        .containsEntry("cue:last-valence", LEXICON.valence("awful") / 4);
  }

  @Test
  void aNegatedWordCountsTheOtherWayForLessUntilTheClauseEnds() {
    Map<String, Double> f =
        SentimentFeatures.of(List.of(List.of("not", "great", ",", "good", "though")), SCORER);

    assertThat(f)
        .containsEntry("cue:negative-words", Math.log1p(1))
        .containsEntry("cue:strongest-negative", -0.5 * LEXICON.valence("great") / 4)
        .containsEntry("cue:strongest-positive", LEXICON.valence("good") / 4);
  }

  @Test
  void cuesSayHowThePostIsWritten() {
    Map<String, Double> f =
        SentimentFeatures.of(
            List.of(List.of("SO", "goooood", "!!", "#blessed", "#friday", "#mood")), SCORER);

    assertThat(f)
        .containsEntry("cue:shouted", 1.0)
        .containsEntry("cue:elongated", 1.0)
        .containsEntry("cue:exclamation", 1.0)
        .containsEntry("cue:hashtags", 3 / 5.0);
    assertThat(SentimentFeatures.of(List.of(List.of("the", "card")), SCORER).keySet())
        .noneMatch(k -> k.startsWith("cue:"));
  }
}
