package dev.earshot.labels.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.earshot.labels.text.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {
  private static final TextAnalyzer ANALYZER = new TextAnalyzer();
  private static final Taxonomy DEFAULT = TaxonomyParser.loadDefault(ANALYZER);

  private static List<String> tokens(String text) {
    return ANALYZER.tokens(text);
  }

  private static Taxonomy parse(String yaml) {
    return TaxonomyParser.parse(yaml, "inline.yaml", ANALYZER);
  }

  private static TaxonomyException parseError(String yaml) {
    return catchThrowableOfType(TaxonomyException.class, () -> parse(yaml));
  }

  @Nested
  class DefaultTaxonomyMatching {
    @Test
    void hashtagPluralFindsAudience() {
      assertThat(DEFAULT.audiences(tokens("Officially #Newlyweds now"), List.of()))
          .containsExactly("newlyweds");
    }

    @Test
    void runTogetherHashtagFindsMultiWordAudiencePhrase() {
      assertThat(DEFAULT.audiences(tokens("Best day ever #JustMarried"), List.of()))
          .containsExactly("newlyweds");
    }

    @Test
    void handleWrittenRunTogetherFindsBrand() {
      assertThat(DEFAULT.brands(tokens("@AcmeCard why is my payment late?")))
          .containsExactly("acme");
    }

    @Test
    void pluralInPostMatchesSingularPhrase() {
      // "cards" ~ "card": the topic phrase is "joint card"
      assertThat(DEFAULT.topics(tokens("We now have two joint cards")))
          .containsExactly("card-consolidation");
      assertThat(DEFAULT.topics(tokens("We now have two cards"))).isEmpty();
    }

    @Test
    void interestingDoesNotMatchTopicInterestRatesButInterestDoes() {
      assertThat(DEFAULT.topics(tokens("What an interesting thread"))).isEmpty();
      assertThat(DEFAULT.topics(tokens("They charge interest on everything")))
          .containsExactly("interest-rates");
    }

    @Test
    void brandMisspellingsAndSplitNameCountForTheBrand() {
      assertThat(DEFAULT.brands(tokens("I have akme and globx cards")))
          .containsExactly("acme", "globex");
      assertThat(DEFAULT.brands(tokens("initek support is slow"))).containsExactly("initech");
      assertThat(DEFAULT.brands(tokens("glob ex raised my limit"))).containsExactly("globex");
    }

    @Test
    void excludePhraseVetoesAudienceThatAnotherPhraseFound() {
      assertThat(DEFAULT.audiences(tokens("Planning our wedding on a budget"), List.of()))
          .containsExactly("newlyweds");
      assertThat(DEFAULT.audiences(tokens("My wedding planner business is my startup"), List.of()))
          .doesNotContain("newlyweds")
          .contains("entrepreneurs");
    }

    @Test
    void departmentIsTheFirstListedOfThoseThatMatch() {
      // "froze my card" is service, "the app" is product: service is listed first.
      assertThat(DEFAULT.department(tokens("Acme froze my card and the app shows nothing")))
          .contains("service");
      assertThat(DEFAULT.department(tokens("Please add Apple Pay to the app"))).contains("product");
      assertThat(DEFAULT.department(tokens("My replacement card never arrived")))
          .contains("logistics");
      assertThat(DEFAULT.department(tokens("Which card should I get for travel?")))
          .contains("sales");
      assertThat(DEFAULT.department(tokens("Had a lovely walk today"))).isEmpty();
      assertThat(DEFAULT.departmentLabels())
          .containsExactly("service", "logistics", "sales", "hr", "marketing", "product");
    }

    @Test
    void stageIsTheFirstListedOfThoseThatMatch() {
      assertThat(DEFAULT.stage(tokens("Just got approved, highly recommend Acme")))
          .contains("advocacy");
      assertThat(DEFAULT.stage(tokens("Just got approved for the Globex card")))
          .contains("conversion");
      assertThat(DEFAULT.stage(tokens("Been with Initech for years"))).contains("loyalty");
      assertThat(DEFAULT.stage(tokens("Thinking about Acme vs Globex"))).contains("consideration");
      assertThat(DEFAULT.stage(tokens("Never heard of Initech before today")))
          .contains("awareness");
      assertThat(DEFAULT.stage(tokens("Lunch was fine"))).isEmpty();
    }

    @Test
    void excludePhraseInThePostVetoesAnAudienceTheBioSuggested() {
      assertThat(
              DEFAULT.audiences(
                  tokens("My wedding planner business had a great month"),
                  tokens("Just married 💍")))
          .doesNotContain("newlyweds");
      assertThat(DEFAULT.audiences(tokens("Had a great month"), tokens("Just married 💍")))
          .contains("newlyweds");
    }

    @Test
    void authorBioCountsForAudiencesWithBioOnlyPhrases() {
      // "undergrad" is a bio phrase of college-students, not a post phrase
      assertThat(DEFAULT.audiences(tokens("undergrad life is expensive"), List.of())).isEmpty();
      assertThat(
              DEFAULT.audiences(
                  tokens("Which card should I get?"), tokens("Undergrad | Class of 2027")))
          .containsExactly("college-students");
    }

    @Test
    void authorBioAlsoMatchesTheAudiencePostPhrasesAndAddsToPostAudiences() {
      // "startup" is a post phrase of entrepreneurs, not one of its bio phrases
      assertThat(
              DEFAULT.audiences(
                  tokens("Got my first paycheck today"), tokens("Building a startup")))
          .containsExactly("entrepreneurs", "new-job");
    }

    @Test
    void labelSetsListEveryConfiguredLabel() {
      assertThat(DEFAULT.brandLabels()).containsExactlyInAnyOrder("acme", "globex", "initech");
      assertThat(DEFAULT.audienceLabels()).contains("newlyweds", "college-students", "retirees");
      assertThat(DEFAULT.topicLabels()).hasSize(10).contains("interest-rates", "annual-fees");
    }
  }

  @Nested
  class Version {
    private static final String RULES =
        """
        version: "2024.3"
        topics:
          rewards:
            phrases: ["points"]
        """;

    @Test
    void containsTheFileVersion() {
      assertThat(parse(RULES).version()).startsWith("2024.3@");
      assertThat(DEFAULT.version()).startsWith("3@");
    }

    @Test
    void sameContentGivesSameVersion() {
      assertThat(parse(RULES).version()).isEqualTo(parse(RULES).version());
    }

    @Test
    void changedContentChangesTheVersionEvenIfTheFileVersionWasNotBumped() {
      String changed = RULES.replace("\"points\"", "\"points\", \"miles\"");

      assertThat(parse(changed).version())
          .startsWith("2024.3@")
          .isNotEqualTo(parse(RULES).version());
    }

    @Test
    void loadFromFileReadsTheSameRulesAsParse(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("rules.yaml");
      Files.writeString(file, RULES);

      Taxonomy loaded = TaxonomyParser.load(file, ANALYZER);

      assertThat(loaded.version()).isEqualTo(parse(RULES).version());
      assertThat(loaded.topics(tokens("so many points"))).containsExactly("rewards");
    }

    @Test
    void missingFileIsATaxonomyExceptionNamingTheFile(@TempDir Path dir) {
      Path missing = dir.resolve("nope.yaml");

      assertThatThrownBy(() -> TaxonomyParser.load(missing, ANALYZER))
          .isInstanceOf(TaxonomyException.class)
          .hasMessageContaining("nope.yaml")
          .hasMessageContaining("cannot read");
    }
  }

  @Nested
  class ParseErrors {
    @Test
    void unknownKeyNamesItsLine() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                rewards:
                  phrases: ["points"]
                  colour: red
              """);

      assertThat(e.line()).isEqualTo(5);
      assertThat(e).hasMessageStartingWith("inline.yaml:5: ").hasMessageContaining("colour");
    }

    @Test
    void unknownTopLevelKeyNamesItsLine() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                rewards:
                  phrases: ["points"]
              brnads:
                acme:
                  names: ["acme"]
              """);

      assertThat(e.line()).isEqualTo(5);
      assertThat(e).hasMessageContaining("brnads");
    }

    @Test
    void badLabelNameNamesItsLineAndTheRule() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              audiences:
                parents:
                  phrases: ["my kids"]
              topics:
                Bad Label:
                  phrases: ["x"]
              """);

      assertThat(e.line()).isEqualTo(6);
      assertThat(e)
          .hasMessageStartingWith("inline.yaml:6: ")
          .hasMessageContaining("'Bad Label'")
          .hasMessageContaining("lower-case letters, digits and '-'");
    }

    @Test
    void labelLongerThanTheQueryApiAcceptsIsRefusedWithItsLine() {
      String tooLong = "a".repeat(dev.earshot.schemas.LabelNames.MAX_LENGTH + 1);
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                fees:
                  phrases: ["fee"]
                %s:
                  phrases: ["x"]
              """
                  .formatted(tooLong));

      assertThat(e.line()).isEqualTo(5);
      assertThat(e)
          .hasMessageStartingWith("inline.yaml:5: ")
          .hasMessageContaining(tooLong)
          .hasMessageContaining("at most 64 characters");
    }

    @Test
    void labelOfTheLongestQueryableLengthIsAccepted() {
      String longest = "b".repeat(dev.earshot.schemas.LabelNames.MAX_LENGTH);
      Taxonomy taxonomy =
          TaxonomyParser.parse(
              """
              version: "1"
              topics:
                %s:
                  phrases: ["x"]
              """
                  .formatted(longest),
              "inline.yaml",
              new TextAnalyzer());

      assertThat(taxonomy.topicLabels()).containsExactly(longest);
    }

    @Test
    void everyLabelOfTheDefaultTaxonomyCanBeQueried() {
      Taxonomy taxonomy = TaxonomyParser.loadDefault(new TextAnalyzer());
      java.util.List<String> labels = new java.util.ArrayList<>();
      labels.addAll(taxonomy.audienceLabels());
      labels.addAll(taxonomy.topicLabels());
      labels.addAll(taxonomy.brandLabels());
      labels.addAll(taxonomy.departmentLabels());
      labels.addAll(taxonomy.stageLabels());

      assertThat(labels).isNotEmpty().allMatch(dev.earshot.schemas.LabelNames::isValid);
    }

    @Test
    void labelWithNoPhrasesNamesItsLine() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                rewards:
                  phrases: ["points"]
                fees:
                  phrases: []
              """);

      assertThat(e.line()).isEqualTo(5);
      assertThat(e).hasMessageContaining("label 'fees' has no phrases");
    }

    @Test
    void labelWithOnlyBlankPhrasesOrNoRuleAtAllHasNoPhrases() {
      assertThat(parseError("version: \"1\"\ntopics:\n  fees:\n    phrases: [\" \"]\n"))
          .hasMessageContaining("label 'fees' has no phrases");
      assertThat(parseError("version: \"1\"\nbrands:\n  acme:\n").line()).isEqualTo(3);
    }

    @Test
    void labelErrorPointsAtTheLabelNotAnEarlierLabelEndingTheSameWay() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                annual-fees:
                  phrases: ["annual fee"]
                fees:
                  phrases: []
              """);

      assertThat(e.line()).isEqualTo(5);
    }

    @Test
    void sentimentValenceOutOfRangeNamesItsLine() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                rewards:
                  phrases: ["points"]
              sentiment:
                phrases:
                  "got approved": 2.0
                  "raised my apr": -4.5
              """);

      assertThat(e.line()).isEqualTo(8);
      assertThat(e)
          .hasMessageStartingWith("inline.yaml:8: ")
          .hasMessageContaining("'raised my apr'")
          .hasMessageContaining("between -4 and 4");
    }

    @Test
    void valenceAtTheEdgesOfTheScaleIsAccepted() {
      Taxonomy t =
          parse(
              """
              version: "1"
              sentiment:
                phrases:
                  "worst ever": -4
                  "best ever": 4.0
              """);

      assertThat(t.version()).startsWith("1@");
    }

    @Test
    void sentimentErrorPointsAtTheSentimentEntryNotATopicPhraseWithTheSameWords() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                payments-billing:
                  phrases: ["late fee"]
              sentiment:
                phrases:
                  "late fee": -5
              """);

      assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void missingValenceIsRejected() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              sentiment:
                phrases:
                  "declined":
              """);

      assertThat(e.line()).isEqualTo(4);
      assertThat(e).hasMessageContaining("'declined'");
    }

    @Test
    void valenceThatIsNotANumberNamesItsLine() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              sentiment:
                phrases:
                  "declined": lots
              """);

      assertThat(e.line()).isEqualTo(4);
      assertThat(e).hasMessageContaining("lots");
    }

    @Test
    void brokenYamlNamesTheLineWhereParsingFailed() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                rewards:
                  phrases: ["points"
                fees:
                  phrases: ["fee"]
              """);

      assertThat(e.line()).isEqualTo(4);
      assertThat(e).hasMessageStartingWith("inline.yaml:4: ").hasMessageContaining("flow sequence");
    }

    @Test
    void badIndentationIsBrokenYamlWithALine() {
      TaxonomyException e =
          parseError(
              """
              version: "1"
              topics:
                rewards:
                 phrases: ["points"]
                  exclude: ["x"]
              """);

      assertThat(e.line()).isEqualTo(4);
      assertThat(e.getMessage()).startsWith("inline.yaml:4: ");
    }

    @Test
    void missingVersionIsRejectedWithoutALine() {
      TaxonomyException e = parseError("topics:\n  rewards:\n    phrases: [\"points\"]\n");

      assertThat(e.line()).isZero();
      assertThat(e).hasMessage("inline.yaml: 'version' is required");
    }

    @Test
    void emptyFileIsRejected() {
      assertThat(parseError("")).isInstanceOf(TaxonomyException.class);
    }
  }

  @Nested
  class CustomRules {
    @Test
    void parsedRulesMatchAndExcludeAsWritten() {
      Taxonomy t =
          parse(
              """
              version: "7"
              audiences:
                gamers:
                  phrases: ["gaming", "my console"]
                  bio: ["streamer"]
                  exclude: ["gaming commission"]
              topics:
                travel:
                  phrases: ["lounge access"]
              brands:
                umbrella:
                  names: ["umbrella corp"]
                  handles: ["@umbrella"]
                  misspellings: ["umbrela"]
              sentiment:
                phrases:
                  "lounge access": 2
              """);

      assertThat(t.audiences(tokens("#MyConsole broke"), List.of())).containsExactly("gamers");
      assertThat(t.audiences(tokens("the gaming commission fined them"), List.of())).isEmpty();
      assertThat(t.audiences(tokens("hi"), tokens("Twitch streamer"))).containsExactly("gamers");
      assertThat(t.topics(tokens("free Lounge Access"))).containsExactly("travel");
      assertThat(t.brands(tokens("@Umbrella and umbrela and #UmbrellaCorp")))
          .containsExactly("umbrella");
      assertThat(t.brands(tokens("an umbrela"))).containsExactly("umbrella");
      assertThat(t.brands(tokens("a corporate policy"))).isEmpty();
    }
  }
}
