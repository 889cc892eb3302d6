package dev.earshot.labels.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PhraseMatcher on hand-made token lists, so the tokenizer is not part of the verdict. */
class PhraseMatcherTest {

  private static PhraseMatcher matcher(String label, String... phraseTokens) {
    PhraseMatcher m = new PhraseMatcher();
    m.add(label, List.of(phraseTokens), false);
    return m;
  }

  @Test
  void stemLowerCasesDropsHashAndAtAndOnePluralEnding() {
    assertThat(PhraseMatcher.stem("Cards")).isEqualTo("card");
    assertThat(PhraseMatcher.stem("#Newlyweds")).isEqualTo("newlywed");
    assertThat(PhraseMatcher.stem("@AcmeCard")).isEqualTo("acmecard");
    assertThat(PhraseMatcher.stem("companies")).isEqualTo("company");
  }

  @Test
  void stemLeavesSsUsAndShortWordsAndNonPluralEndingsAlone() {
    assertThat(PhraseMatcher.stem("class")).isEqualTo("class");
    assertThat(PhraseMatcher.stem("bonus")).isEqualTo("bonus");
    assertThat(PhraseMatcher.stem("was")).isEqualTo("was");
    assertThat(PhraseMatcher.stem("interesting")).isEqualTo("interesting");
  }

  @Test
  void pluralTokenMatchesSingularPhraseAndTheOtherWayRound() {
    assertThat(matcher("cards", "card").match(List.of("two", "cards"))).containsExactly("cards");
    assertThat(matcher("cards", "cards").match(List.of("one", "Card"))).containsExactly("cards");
  }

  @Test
  void hashtagAndHandleMatchThePlainWord() {
    assertThat(matcher("newlyweds", "newlywed").match(List.of("#Newlyweds")))
        .containsExactly("newlyweds");
    assertThat(matcher("acme", "@acmecard").match(List.of("@AcmeCard"))).containsExactly("acme");
    assertThat(matcher("acme", "acme").match(List.of("#acme"))).containsExactly("acme");
  }

  @Test
  void multiWordPhraseMatchesContiguousTokensOnlyInOrder() {
    PhraseMatcher m = matcher("newlyweds", "just", "married");

    assertThat(m.match(List.of("we", "Just", "Married", "!"))).containsExactly("newlyweds");
    assertThat(m.match(List.of("just", "got", "married"))).isEmpty();
    assertThat(m.match(List.of("married", "just"))).isEmpty();
    assertThat(m.match(List.of("just"))).isEmpty();
  }

  @Test
  void multiWordPhraseMatchesItsWordsRunTogetherAsHashtagOrHandle() {
    assertThat(matcher("newlyweds", "just", "married").match(List.of("#JustMarried")))
        .containsExactly("newlyweds");
    assertThat(matcher("acme", "acme", "card").match(List.of("@AcmeCard"))).containsExactly("acme");
    assertThat(matcher("parents", "my", "kids").match(List.of("#MyKids")))
        .containsExactly("parents");
  }

  @Test
  void runTogetherHashtagMatchesWhenANonFinalPhraseWordIsPlural() {
    // "finals week" must match "#FinalsWeek": the run-together form must not be built from the
    // already de-pluralised words ("finalweek").
    PhraseMatcher m = matcher("college-students", "finals", "week");

    assertThat(m.match(List.of("#FinalsWeek"))).containsExactly("college-students");
    assertThat(m.match(List.of("finals", "week"))).containsExactly("college-students");
  }

  @Test
  void interestingDoesNotMatchInterest() {
    PhraseMatcher m = matcher("interest-rates", "interest");

    assertThat(m.match(List.of("that", "is", "interesting"))).isEmpty();
    assertThat(m.match(List.of("no", "interest"))).containsExactly("interest-rates");
    assertThat(m.match(List.of("Interests"))).containsExactly("interest-rates");
  }

  @Test
  void excludePhraseVetoesItsLabelButNotOthers() {
    PhraseMatcher m = new PhraseMatcher();
    m.add("newlyweds", List.of("wedding"), false);
    m.add("newlyweds", List.of("wedding", "planner", "business"), true);
    m.add("entrepreneurs", List.of("business"), false);

    assertThat(m.match(List.of("our", "wedding", "was", "lovely"))).containsExactly("newlyweds");
    assertThat(m.match(List.of("my", "wedding", "planner", "business", "is", "booming")))
        .containsExactly("entrepreneurs");
  }

  @Test
  void excludeVetoesEvenWhenThePositivePhraseOccursElsewhereInThePost() {
    PhraseMatcher m = new PhraseMatcher();
    m.add("newlyweds", List.of("honeymoon"), false);
    m.add("newlyweds", List.of("wedding", "planner"), true);

    assertThat(
            m.match(List.of("honeymoon", "packages", "for", "my", "wedding", "planner", "clients")))
        .isEmpty();
  }

  @Test
  void labelsComeBackSortedAndOnce() {
    PhraseMatcher m = new PhraseMatcher();
    m.add("rewards", List.of("points"), false);
    m.add("annual-fees", List.of("annual", "fee"), false);
    m.add("rewards", List.of("miles"), false);

    assertThat(m.match(List.of("points", "miles", "annual", "fee", "points")))
        .containsExactly("annual-fees", "rewards");
  }

  @Test
  void blankPhraseIsIgnoredInsteadOfMatchingEverything() {
    PhraseMatcher m = new PhraseMatcher();
    m.add("empty", List.of("#"), false);
    m.add("empty", List.of(), false);

    assertThat(m.match(List.of("#", "anything", ""))).isEmpty();
  }

  @Test
  void starMatchesAnyOneTokenButNeverStartsAPhrase() {
    PhraseMatcher m = new PhraseMatcher();
    m.add("loyalty", List.of("my", "*", "card"), false);
    m.add("everything", List.of("*", "card"), false);

    assertThat(m.match(List.of("my", "Acme", "card"))).containsExactly("loyalty");
    assertThat(m.match(List.of("my", "new", "cards"))).containsExactly("loyalty");
    assertThat(m.match(List.of("my", "card"))).isEmpty();
    assertThat(m.match(List.of("my", "shiny", "new", "card"))).isEmpty();
    // no run-together form for a phrase with "*"
    assertThat(m.match(List.of("#my*card"))).isEmpty();
  }

  @Test
  void aFinalPeriodIsNotPartOfTheWord() {
    // CoreNLP keeps "APR." whole at the end of a sentence, as it would the abbreviation "Apr."
    assertThat(matcher("interest-rates", "apr").match(List.of("raised", "my", "APR.")))
        .containsExactly("interest-rates");
    assertThat(PhraseMatcher.stem("U.S.")).isEqualTo("u.s");
    assertThat(PhraseMatcher.stem("...")).isEqualTo("...");
    assertThat(PhraseMatcher.stem(".")).isEqualTo(".");
  }

  @Test
  void wordsThatOnlyLookPluralKeepTheirS() {
    PhraseMatcher m = new PhraseMatcher();
    m.add("new-job", List.of("new", "job"), false);
    m.add("new-job", List.of("news"), true);

    // the exclude "news" must not veto every post that says "new"
    assertThat(m.match(List.of("started", "my", "new", "job"))).containsExactly("new-job");
    assertThat(m.match(List.of("new", "job", "in", "the", "news"))).isEmpty();
    assertThat(PhraseMatcher.stem("yours")).isEqualTo("yours");
    assertThat(PhraseMatcher.stem("always")).isEqualTo("always");
  }

  @Test
  void stemsComputedOnceMatchLikeTheTokens() {
    PhraseMatcher m = matcher("cards", "credit", "card");
    List<String> tokens = List.of("two", "Credit", "Cards", "!");

    assertThat(m.match(PhraseMatcher.Stems.of(tokens))).isEqualTo(m.match(tokens));
    assertThat(m.match(PhraseMatcher.Stems.of(tokens))).containsExactly("cards");
    assertThat(PhraseMatcher.Stems.of(List.of()).isEmpty()).isTrue();
  }

  @Test
  void namesAreFoundInsideCompoundsAndElisionsWhenAsked() {
    PhraseMatcher m = matcher("acme", "acme");
    List<String> german = List.of("die", "Acme-Karte", "ist", "gut");
    List<String> french = List.of("le", "service", "d'Acme", "est", "nul");

    assertThat(m.matchInsideWords(PhraseMatcher.Stems.of(german))).containsExactly("acme");
    assertThat(m.matchInsideWords(PhraseMatcher.Stems.of(french))).containsExactly("acme");
    assertThat(m.matchInsideWords(PhraseMatcher.Stems.of(List.of("l’Acme"))))
        .containsExactly("acme");
    // the plain match compares whole tokens only
    assertThat(m.match(PhraseMatcher.Stems.of(german))).isEmpty();
  }

  @Test
  void onlyHyphenatedAndElidedTokensHaveParts() {
    assertThat(PhraseMatcher.parts("Globex-Karte")).containsExactly("Globex", "Karte");
    assertThat(PhraseMatcher.parts("qu'Initech")).containsExactly("Initech");
    assertThat(PhraseMatcher.parts("acme")).isNull();
    assertThat(PhraseMatcher.parts("-")).isNull();
    assertThat(PhraseMatcher.parts("'s")).isNull();
    assertThat(PhraseMatcher.Stems.of(List.of("no", "hyphen")).split()).isNull();
    assertThat(PhraseMatcher.Stems.of(List.of("my", "Acme-Karte")).split())
        .containsExactly("my", "acme", "karte");
  }
}
