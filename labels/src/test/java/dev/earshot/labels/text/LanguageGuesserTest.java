package dev.earshot.labels.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {
  private final LanguageGuesser guesser = new LanguageGuesser();

  private static List<String> words(String text) {
    return List.of(text.split(" "));
  }

  @Test
  void declaredLanguageWinsAndIsLowerCased() {
    assertThat(guesser.guess("DE", words("the card is great and so is the app"))).isEqualTo("de");
  }

  @Test
  void declaredLanguageIsReducedToItsPrimaryTag() {
    assertThat(guesser.guess("en-US", words("hola"))).isEqualTo("en");
    assertThat(guesser.guess("pt_BR", words("hello"))).isEqualTo("pt");
  }

  @Test
  void blankDeclarationFallsBackToTheVote() {
    assertThat(guesser.guess(" ", words("la tarjeta es muy buena pero el servicio no")))
        .isEqualTo("es");
    assertThat(guesser.guess(null, words("c'est une carte très bien mais le service")))
        .isEqualTo("fr");
    assertThat(guesser.guess(null, words("die Karte ist sehr gut aber der Service nicht")))
        .isEqualTo("de");
    assertThat(guesser.guess(null, words("o cartão é muito bom mas não"))).isEqualTo("pt");
    assertThat(guesser.guess(null, words("la carta è molto comoda ma non per tutti")))
        .isEqualTo("it");
    // French "il", "ma" and Spanish "mi" are not taken for Italian
    assertThat(guesser.guess(null, words("il a bloqué ma carte"))).isEqualTo("fr");
    assertThat(guesser.guess(null, words("this is my card and it is great"))).isEqualTo("en");
  }

  @Test
  void noStopWordIsUnknown() {
    assertThat(guesser.guess(null, words("APR 24.9% 😡"))).isEqualTo(Languages.UNKNOWN);
    assertThat(guesser.guess(null, List.of())).isEqualTo("und");
  }

  @Test
  void tieGoesToEnglish() {
    // "a" (en) against "la" (es)
    assertThat(guesser.guess(null, words("a la"))).isEqualTo("en");
  }

  @Test
  void shortEnglishPostsWithoutTheCommonestWordsAreStillEnglish() {
    assertThat(guesser.guess(null, words("worst day ever"))).isEqualTo("en");
    assertThat(guesser.guess(null, words("initech ? never again ."))).isEqualTo("en");
  }

  @Test
  void everyGuessedLanguageHasStopWordsAndNoOtherDoes() {
    assertThat(LanguageGuesser.languagesWithStopWords())
        .containsExactlyInAnyOrderElementsOf(Languages.GUESSED);
  }
}
