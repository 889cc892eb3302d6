package dev.earshot.labels.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.schemas.Sentiments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SocialSentimentScorerTest {
  private static final TextAnalyzer ANALYZER = new TextAnalyzer();
  private static final SentimentLexicon LEXICON = SentimentLexicon.load();
  private static final SocialSentimentScorer SCORER =
      new SocialSentimentScorer(LEXICON, TaxonomyParser.loadDefault(ANALYZER).sentimentPhrases());
  private static final SocialSentimentScorer WITHOUT_PHRASES =
      new SocialSentimentScorer(LEXICON, PhraseValences.none());

  private static SocialSentimentScorer.Score score(String text) {
    return SCORER.score(ANALYZER.sentences(text));
  }

  private static double value(String text) {
    return score(text).score();
  }

  @Test
  void lexiconIsLoadedWithVaderWordsAndEarshotEmoji() {
    assertThat(LEXICON.size()).isGreaterThan(7000);
    assertThat(LEXICON.valence("happy")).isPositive();
    assertThat(LEXICON.valence("😡")).isNegative();
    // earshot neutralises words that are topics in card conversations
    assertThat(LEXICON.contains("interest")).isTrue();
    assertThat(LEXICON.valence("interest")).isZero();
  }

  @Test
  void plainPositiveWordIsPositive() {
    SocialSentimentScorer.Score s = score("I am happy");

    assertThat(s.label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(s.score()).isPositive();
    assertThat(s.decidedBy()).isEqualTo("lexicon");
  }

  @Test
  void negationFlipsPositiveToNegative() {
    assertThat(score("I am not happy").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("I don't love it").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void negationFlipsNegativeToPositive() {
    assertThat(score("Honestly not bad").label()).isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void negationReachesOnlyThreeWordsBack() {
    assertThat(score("not that it matters , happy").label()).isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void boosterIncreasesMagnitude() {
    assertThat(value("sooo good")).isGreaterThan(value("good"));
    assertThat(value("really bad")).isLessThan(value("bad"));
  }

  @Test
  void dampenerDecreasesMagnitude() {
    assertThat(value("kinda good")).isLessThan(value("good")).isPositive();
  }

  @Test
  void boosterWithItsOwnLexiconValenceIntensifiesInsteadOfCancelling() {
    // "super" (+2.9) and "mad" (-2.2) are lexicon words as well as boosters
    assertThat(score("super bad").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(value("super bad")).isLessThan(value("bad"));
    assertThat(score("mad good").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(value("mad good")).isGreaterThan(value("good"));
  }

  @Test
  void boosterWordStillCountsOnItsOwnWhenItModifiesNothing() {
    assertThat(score("I'm mad at Acme").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("Acme is super").label()).isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void capsEmphasisIncreasesMagnitudeAmidLowerCaseWords() {
    assertThat(value("This card is GREAT")).isGreaterThan(value("This card is great"));
    assertThat(value("I HATE this")).isLessThan(value("I hate this"));
  }

  @Test
  void allCapsSentenceGetsNoCapsBoostBecauseNothingStandsOut() {
    assertThat(value("GREAT")).isEqualTo(value("great"));
  }

  @Test
  void elongatedWordScoresLikeTheWordButStronger() {
    assertThat(score("goooood").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(value("goooood")).isGreaterThan(value("good"));
    assertThat(value("loooove it")).isGreaterThan(value("love it"));
  }

  @Test
  void exclamationMarksIncreaseMagnitude() {
    assertThat(value("good!!!")).isGreaterThan(value("good"));
    assertThat(value("awful!!!")).isLessThan(value("awful"));
  }

  @Test
  void clauseAfterButDominates() {
    assertThat(score("I love the rewards but the service is awful").label())
        .isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("The service is awful but I love the rewards").label())
        .isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void withoutButTheStrongerWordWins() {
    // love 3.2 vs awful -2.0: the contrast rule, not the words, flips the first case above
    assertThat(score("I love the rewards and the service is awful").label())
        .isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void angryEmojiIsNegativeAndHeartEyesPositive() {
    assertThat(score("😡").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("😍").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("My new card arrived 😍").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("On hold again 😡").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void hashtagScoresLikeTheWord() {
    assertThat(value("#fail")).isEqualTo(value("fail")).isNegative();
  }

  @Test
  void domainPhraseRaisedMyAprIsNegative() {
    assertThat(WITHOUT_PHRASES.score(ANALYZER.sentences("Acme raised my APR")).label())
        .isEqualTo(Sentiments.NEUTRAL);
    assertThat(score("Acme raised my APR").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void domainPhraseWaivedTheLateFeeIsPositiveAndBeatsTheShorterLateFee() {
    // "late fee" alone is -1.5; the longer phrase covers it
    assertThat(score("They charged a late fee").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("Acme waived the late fee").label()).isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void negatedDomainPhraseFlips() {
    assertThat(score("They never raised my APR").label()).isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void negationBeforeALongDomainPhraseFlipsIt() {
    assertThat(score("They never waived the annual fee").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void phraseThatStartsWithANegationWordIsNotNegatedByItself() {
    // "no annual fee" is a +1.5 phrase; its own "no" must not flip it
    assertThat(score("Acme has no annual fee").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("No annual fee and still 2% back everywhere").label())
        .isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void customPhraseValencesOverrideTheWordsTheyCover() {
    SocialSentimentScorer custom =
        new SocialSentimentScorer(
            LEXICON, new PhraseValences(Map.of(List.of("killing", "it"), 3.0)));

    assertThat(WITHOUT_PHRASES.score(ANALYZER.sentences("Acme is killing it")).label())
        .isEqualTo(Sentiments.NEGATIVE);
    assertThat(custom.score(ANALYZER.sentences("Acme is killing it")).label())
        .isEqualTo(Sentiments.POSITIVE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The APR is 24.9%",
        "Does Acme charge interest on balance transfers?",
        "Paid my bill today",
      })
  void neutralWithNoCueWhenNoWordCarriesSentiment(String text) {
    SocialSentimentScorer.Score s = score(text);

    assertThat(s.label()).isEqualTo(Sentiments.NEUTRAL);
    assertThat(s.score()).isZero();
    assertThat(s.decidedBy()).isEqualTo("lexicon-no-cue");
  }

  @Test
  void emptyTextIsNeutralWithNoCue() {
    SocialSentimentScorer.Score s = SCORER.score(List.of());

    assertThat(s.label()).isEqualTo(Sentiments.NEUTRAL);
    assertThat(s.score()).isZero();
    assertThat(s.decidedBy()).isEqualTo("lexicon-no-cue");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LOVE LOVE LOVE this card, BEST EVER!!!!!!!! 😍😍😍 so so so amazing wonderful perfect",
        "worst worst WORST bank ever, hate hate hate, scam fraud thieves 😡🤬😡!!!!!!!!!",
        "not not not bad",
        "good but bad but good but bad",
      })
  void scoreIsAlwaysWithinMinusOneAndOneAndAgreesWithTheLabel(String text) {
    SocialSentimentScorer.Score s = score(text);

    assertThat(s.score()).isBetween(-1.0, 1.0);
    String expected =
        s.score() >= SocialSentimentScorer.NEUTRAL_BAND
            ? Sentiments.POSITIVE
            : s.score() <= -SocialSentimentScorer.NEUTRAL_BAND
                ? Sentiments.NEGATIVE
                : Sentiments.NEUTRAL;
    assertThat(s.label()).isEqualTo(expected);
  }

  @Test
  void extremeTextsComeCloseToTheEndsOfTheScale() {
    assertThat(value("LOVE LOVE LOVE this card, BEST EVER!!!! 😍😍😍 amazing wonderful perfect"))
        .isGreaterThan(0.9);
    assertThat(value("worst bank ever, hate hate hate, scam fraud thieves 😡🤬!!!!"))
        .isLessThan(-0.9);
  }

  @Test
  void oneWeakWordIsNeutralButAClearOpinionIsNot() {
    // "want" (0.3) is no opinion; VADER's band of 0.05 called it positive. "great" (3.1) is one.
    assertThat(value("I want a card with cash back")).isBetween(0.05, 0.2);
    assertThat(score("I want a card with cash back").label()).isEqualTo(Sentiments.NEUTRAL);
    assertThat(score("I want a card with cash back, great").label()).isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void wordsInAQuestionCountForLessThanInAStatement() {
    assertThat(value("Which card has the best rewards?"))
        .isLessThan(value("This card has the best rewards"));
    assertThat(score("Which card has the best rewards?").label()).isEqualTo(Sentiments.NEUTRAL);
    assertThat(score("Does a hard pull hurt my credit score?").label())
        .isEqualTo(Sentiments.NEUTRAL);
  }

  @Test
  void sarcasmMarkerTurnsPraiseIntoComplaint() {
    assertThat(score("thanks guys, really helpful").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("thanks guys, really helpful 🙃").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("we value you as a customer 🤡").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void negationWordIsAnOperatorNotAnOpinion() {
    // "no" is -1.2 in VADER: "no complaints" used to come out neutral, "no" cancelling the flip
    assertThat(WITHOUT_PHRASES.score(ANALYZER.sentences("no complaints")).label())
        .isEqualTo(Sentiments.POSITIVE);
    assertThat(WITHOUT_PHRASES.score(ANALYZER.sentences("no")).decidedBy())
        .isEqualTo(SocialSentimentScorer.NO_CUE);
  }

  @Test
  void cantRecommendEnoughIsPraiseNotNegation() {
    assertThat(score("I can't recommend them enough").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(value("I can't recommend them enough")).isGreaterThan(value("I recommend them"));
    assertThat(score("I can't recommend them").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void negationStopsAtTheEndOfItsClause() {
    assertThat(score("didn't expect it, really appreciate it").label())
        .isEqualTo(Sentiments.POSITIVE);
    assertThat(score("didn't really appreciate it").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void starRatingOfAReviewCarriesItsVerdict() {
    assertThat(score("★☆☆☆☆ the Acme app").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("★★★★★ the Acme app").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("★★★☆☆ the Acme app").label()).isEqualTo(Sentiments.NEUTRAL);
    // not a rating out of five
    assertThat(SocialSentimentScorer.starRating(ANALYZER.sentences("★★ the app ★"))).isZero();
  }

  @Test
  void socialSlangAndEmphasisAdverbs() {
    assertThat(score("the new app is mid").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("this card is goated").label()).isEqualTo(Sentiments.POSITIVE);
    // "honestly" only emphasises: on its own it is no opinion, before one it strengthens it
    assertThat(score("honestly").decidedBy()).isEqualTo(SocialSentimentScorer.NO_CUE);
    assertThat(value("honestly great")).isGreaterThan(value("great"));
  }

  @Test
  void domainPhrasesForLimitsAndSarcasticIdioms() {
    assertThat(score("Acme raised my limit").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("Acme cut my limit").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("a late fee, love that for me").label()).isEqualTo(Sentiments.NEGATIVE);
  }
}
