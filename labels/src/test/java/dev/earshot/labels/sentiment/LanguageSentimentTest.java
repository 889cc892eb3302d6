package dev.earshot.labels.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.labels.text.Languages;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.schemas.Sentiments;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageSentimentTest {
  private static final TextAnalyzer ANALYZER = new TextAnalyzer();

  /** A hand-made Spanish list: what the scorer does with it, not what the bundled list holds. */
  private static final String SPANISH =
      """
      # a test list
      word\tbuena\t1.9
      word\tpésima\t-3.0
      negation\tno
      negation\tnunca
      booster\tmuy\t0.293
      booster\tpoco\t-0.293
      contrast\tpero
      """;

  private static LanguageSentiment read(String list) throws Exception {
    return LanguageSentiment.read(
        new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)),
        "es.tsv",
        Map.of("😡", -2.5));
  }

  private static SocialSentimentScorer.Score score(String text) throws Exception {
    LanguageSentiment spanish = read(SPANISH);
    return new SocialSentimentScorer(spanish.lexicon(), PhraseValences.none(), spanish.rules())
        .score(ANALYZER.sentences(text));
  }

  @Test
  void wordsNegationsBoostersAndContrastsOfTheLanguage() throws Exception {
    assertThat(score("la app es buena").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("la app no es buena").label()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("la app es muy buena").score())
        .isGreaterThan(score("la app es buena").score());
    assertThat(score("la app es poco buena").score()).isLessThan(score("la app es buena").score());
    // what follows "pero" weighs more than what precedes it
    assertThat(score("la app es buena pero la atención pésima").label())
        .isEqualTo(Sentiments.NEGATIVE);
    assertThat(score("la tarjeta llegó").decidedBy()).isEqualTo(SocialSentimentScorer.NO_CUE);
  }

  @Test
  void aNegationEndingInAnApostropheNegatesEveryTokenItBegins() throws Exception {
    LanguageSentiment french = read("word\tbien\t1.9\nnegation\tn'\n");
    SocialSentimentScorer scorer =
        new SocialSentimentScorer(french.lexicon(), PhraseValences.none(), french.rules());

    assertThat(scorer.score(ANALYZER.sentences("c'est bien")).label())
        .isEqualTo(Sentiments.POSITIVE);
    assertThat(scorer.score(ANALYZER.sentences("ce n'est pas bien")).label())
        .isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void emojiCarryOverFromTheEnglishLexicon() throws Exception {
    assertThat(score("otra vez 😡").label()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void englishOperatorsAreNotSpanishOnes() throws Exception {
    // "not" negates in English only; "very" boosts in English only
    assertThat(score("not buena").label()).isEqualTo(Sentiments.POSITIVE);
    assertThat(score("very buena").score()).isEqualTo(score("buena").score());
  }

  @Test
  void malformedListsAreRefusedWithLineAndReason() {
    assertThatThrownBy(() -> read("word\tbuena\n")).hasMessageContaining("es.tsv:1");
    assertThatThrownBy(() -> read("# x\nword\tbuena\t9\n"))
        .hasMessageContaining("es.tsv:2")
        .hasMessageContaining("-4..4");
    assertThatThrownBy(() -> read("feeling\tbuena\t1\n")).hasMessageContaining("kind must be");
    assertThatThrownBy(() -> read("negation\n")).hasMessageContaining("es.tsv:1");
  }

  @Test
  void everyBundledLanguageHasWordsAndOperators() {
    Map<String, LanguageSentiment> bundled = LanguageSentiment.bundled(SentimentLexicon.load());

    assertThat(bundled).containsOnlyKeys(Languages.OTHERS);
    bundled.forEach(
        (language, words) -> {
          int symbols = SentimentLexicon.load().symbols().size();
          assertThat(words.lexicon().size() - symbols).as(language).isGreaterThan(200);
          assertThat(words.rules().negations()).as(language).isNotEmpty();
          assertThat(words.rules().boosters()).as(language).isNotEmpty();
          assertThat(words.rules().contrasts()).as(language).isNotEmpty();
        });
  }
}
