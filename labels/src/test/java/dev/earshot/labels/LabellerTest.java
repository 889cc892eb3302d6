package dev.earshot.labels;

import static dev.earshot.labels.Posts.bio;
import static dev.earshot.labels.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.schemas.Sentiments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LabellerTest {
  private static final Instant NOW = Instant.parse("2026-11-16T12:00:00Z");
  private static final Taxonomy TAXONOMY = TaxonomyParser.loadDefault(new TextAnalyzer());
  private static final int MAX_CHARS = 200;
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The defaults with short posts and no time budget. */
  private static final LabellerSettings SETTINGS =
      LabellerSettings.defaults().withMaxTextChars(MAX_CHARS).withMaxTimePerPost(Duration.ZERO);

  private static final Labeller LABELLER =
      Labeller.create(SETTINGS, TAXONOMY, LabelModels.bundled(), CLOCK);

  /** Gets newlyweds, interest-rates and acme by its phrases; would be negative as English. */
  private static final String SPANISH =
      "Mi tarjeta de Acme subió el APR otra vez, que mala suerte 😡 #newlyweds";

  @Test
  void englishPostGetsEveryLabelSentimentVersionAndTime() {
    EnrichedPost out =
        LABELLER.enrich(
            post("1", "Just married and @AcmeCard raised my APR 😡").setLang("en").build());

    assertThat(out.getLang()).isEqualTo("en");
    assertThat(out.getAudiences()).containsExactly("newlyweds");
    assertThat(out.getTopics()).containsExactly("interest-rates");
    assertThat(out.getBrands()).containsExactly("acme");
    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(out.getSentiment().getScore()).isBetween(-1.0, -0.05);
    assertThat(out.getSentiment().getDecidedBy()).isEqualTo("model");
    assertThat(out.getTaxonomyVersion()).isEqualTo(TAXONOMY.version()).startsWith("3@");
    assertThat(out.getEnrichedAt()).isEqualTo(NOW);
    assertThat(out.getPost().getId()).isEqualTo("1");
  }

  @Test
  void undeclaredEnglishIsGuessedAndLabelled() {
    EnrichedPost out =
        LABELLER.enrich(post("2", "I love my new card, the rewards are great").build());

    assertThat(out.getLang()).isEqualTo("en");
    assertThat(out.getTopics()).containsExactly("rewards");
    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.POSITIVE);
  }

  @Test
  void textWithoutStopWordsIsUndeterminedButStillLabelledAsEnglish() {
    EnrichedPost out = LABELLER.enrich(post("3", "APR hike 😡 #newlyweds").build());

    assertThat(out.getLang()).isEqualTo("und");
    assertThat(out.getAudiences()).containsExactly("newlyweds");
    assertThat(out.getTopics()).containsExactly("interest-rates");
    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.NEGATIVE);
  }

  @Test
  void declaredSpanishIsScoredWithSpanishWordsAndLabelledByThePhrases() {
    EnrichedPost out = LABELLER.enrich(post("4", SPANISH).setLang("es").build());

    assertSpanish(out);
  }

  @Test
  void undeclaredSpanishIsDetectedAndTreatedTheSameWay() {
    EnrichedPost out = LABELLER.enrich(post("5", SPANISH).build());

    assertSpanish(out);
  }

  /**
   * The English models are skipped: the social scorer reads the Spanish word list ("mala", 😡), and
   * the taxonomy's phrases ("APR", "#newlyweds") still apply.
   */
  private static void assertSpanish(EnrichedPost out) {
    assertThat(out.getLang()).isEqualTo("es");
    assertThat(out.getAudiences()).containsExactly("newlyweds");
    assertThat(out.getTopics()).containsExactly("interest-rates");
    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(out.getSentiment().getDecidedBy()).isEqualTo("lexicon:lang=es");
    assertThat(out.getBrands()).containsExactly("acme");
    assertThat(out.getTaxonomyVersion()).isEqualTo(TAXONOMY.version());
  }

  @Test
  void declaredLanguageWinsOverTheTextAndIsLowerCased() {
    EnrichedPost out =
        LABELLER.enrich(
            post("6", "I love my new card, the rewards are great").setLang("FR").build());

    assertThat(out.getLang()).isEqualTo("fr");
    assertThat(out.getTopics()).containsExactly("rewards"); // by its phrase, in any language
    // read with the French words, which do not know "love" or "great"
    assertThat(out.getSentiment().getDecidedBy()).isEqualTo("lexicon-no-cue:lang=fr");
    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.NEUTRAL);
  }

  @Test
  void aLanguageWithoutAWordListIsNeutralAndSaysSo() {
    EnrichedPost out =
        LABELLER.enrich(
            post("6nl", "Acme is geweldig, heel blij met de kaart").setLang("nl").build());

    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.NEUTRAL);
    assertThat(out.getSentiment().getScore()).isZero();
    assertThat(out.getSentiment().getDecidedBy()).isEqualTo("skipped:lang=nl");
    assertThat(out.getBrands()).containsExactly("acme");
  }

  @Test
  void englishDeclaredWithARegionIsStillEnglish() {
    EnrichedPost out =
        LABELLER.enrich(post("7", "Acme raised my APR, not happy").setLang("en-US").build());

    assertThat(out.getTopics()).containsExactly("interest-rates");
    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(out.getSentiment().getDecidedBy()).isEqualTo("model");
  }

  @Test
  void authorBioCountsForAudiencesOnly() {
    EnrichedPost out =
        LABELLER.enrich(
            post("8", "Which card should I get?")
                .setAuthor(bio("Undergrad, class of 2027. I love cash back and Acme"))
                .build());

    assertThat(out.getAudiences()).containsExactly("college-students");
    assertThat(out.getTopics()).isEmpty();
    assertThat(out.getBrands()).isEmpty();
  }

  @Test
  void authorWithoutBioIsFine() {
    EnrichedPost out =
        LABELLER.enrich(post("9", "Which card should I get?").setAuthor(bio(null)).build());

    assertThat(out.getAudiences()).isEmpty();
  }

  @Test
  void postOverTheSizeLimitIsRejectedNamingKeySizeAndLimit() {
    String text = "a".repeat(MAX_CHARS + 1);

    assertThatThrownBy(() -> LABELLER.enrich(post("big", text).build()))
        .isInstanceOf(PostTooLargeException.class)
        .hasMessageContaining("twitter:big")
        .hasMessageContaining(String.valueOf(MAX_CHARS + 1))
        .hasMessageContaining("limit of " + MAX_CHARS);
  }

  @Test
  void postExactlyAtTheSizeLimitIsLabelled() {
    String text = "Acme " + "a".repeat(MAX_CHARS - 5);

    EnrichedPost out = LABELLER.enrich(post("edge", text).build());

    assertThat(out.getPost().getText()).hasSize(MAX_CHARS);
    assertThat(out.getBrands()).containsExactly("acme");
  }

  @Test
  void postOverTheTimeBudgetIsRejectedNamingKeyAndBudget() {
    Labeller strict =
        Labeller.create(
            SETTINGS.withSentiment(SentimentMode.LEXICON).withMaxTimePerPost(Duration.ofNanos(1)),
            TAXONOMY,
            LabelModels.bundled(),
            CLOCK);

    assertThatThrownBy(() -> strict.enrich(post("slow", "Acme is fine").build()))
        .isInstanceOf(PostOverBudgetException.class)
        .hasMessageContaining("twitter:slow")
        .hasMessageContaining("enrich.max.millis.per.post");
  }

  @Test
  void zeroTimeBudgetMeansNoBudget() {
    Labeller unbounded =
        Labeller.create(
            SETTINGS.withSentiment(SentimentMode.LEXICON), TAXONOMY, LabelModels.bundled(), CLOCK);

    assertThat(unbounded.enrich(post("any", "Acme is fine").build()).getBrands())
        .containsExactly("acme");
  }

  @Test
  void lexiconModeLetsTheSocialScorerDecide() {
    Labeller lexicon =
        Labeller.create(
            SETTINGS.withSentiment(SentimentMode.LEXICON), TAXONOMY, LabelModels.bundled(), CLOCK);

    EnrichedPost out = lexicon.enrich(post("lex", "Acme raised my APR, not happy").build());

    assertThat(out.getSentiment().getLabel()).isEqualTo(Sentiments.NEGATIVE);
    assertThat(out.getSentiment().getDecidedBy()).isEqualTo("lexicon");
  }

  @Test
  void aGivenModelDecidesOnTheFeaturesTheTrainerSees() throws Exception {
    // A model that knows one word: "approved" is negative (the opposite of any lexicon).
    SentimentModel contrary =
        new SentimentModel(
            dev.earshot.labels.model.LinearModel.read(
                new java.io.ByteArrayInputStream(
                    "<classes>\tnegative\tneutral\tpositive\n<bias>\t0\t1\t0\nu:approved\t5\t0\t0\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "contrary"));
    Labeller enricher =
        Labeller.create(SETTINGS, TAXONOMY, new LabelModels(contrary, null, null, null), CLOCK);

    assertThat(enricher.enrich(post("a", "Approved, love it").build()).getSentiment().getLabel())
        .isEqualTo(Sentiments.NEGATIVE);
    assertThat(enricher.enrich(post("b", "love it").build()).getSentiment().getLabel())
        .isEqualTo(Sentiments.NEUTRAL);
  }

  private static dev.earshot.labels.routing.RoutingModel routingModel(String text)
      throws Exception {
    return new dev.earshot.labels.routing.RoutingModel(
        dev.earshot.labels.model.LinearModel.read(
            new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "test"));
  }

  private static Labeller withRouting(Taxonomy taxonomy, LabelModels routing) {
    return Labeller.create(SETTINGS.withSentiment(SentimentMode.LEXICON), taxonomy, routing, CLOCK);
  }

  @Test
  void routingModelsDecideDepartmentAndStageOverTheRules() throws Exception {
    // "customer service" is a service phrase in the rules; these models send "billboard" posts to
    // marketing and everything else to no department, and every post to the awareness stage.
    String departments =
        "<classes>\tservice\tlogistics\tsales\thr\tmarketing\tproduct\tnone\n"
            + "<bias>\t0\t0\t0\t0\t0\t0\t1\n"
            + "u:billboard\t0\t0\t0\t0\t5\t0\t0\n";
    String stages =
        "<classes>\tadvocacy\tconversion\tloyalty\tconsideration\tawareness\tnone\n"
            + "<bias>\t0\t0\t0\t0\t1\t0\n";
    Labeller byModel =
        withRouting(
            TAXONOMY, new LabelModels(null, null, routingModel(departments), routingModel(stages)));
    Labeller byRules = withRouting(TAXONOMY, LabelModels.rulesOnly());

    EnrichedPost service =
        byModel.enrich(post("r1", "Acme customer service hung up on me").build());
    EnrichedPost billboard = byModel.enrich(post("r2", "saw the Acme billboard downtown").build());

    assertThat(service.getDepartment()).isNull();
    assertThat(service.getStage()).isEqualTo("awareness");
    assertThat(billboard.getDepartment()).isEqualTo("marketing");
    assertThat(
            byRules
                .enrich(post("r3", "Acme customer service hung up on me").build())
                .getDepartment())
        .isEqualTo("service");
  }

  @Test
  void aTaxonomyWithOtherDepartmentsFallsBackToItsRules() throws Exception {
    Taxonomy custom =
        TaxonomyParser.parse(
            """
            version: "9"
            departments:
              legal:
                phrases: ["lawsuit"]
            stages:
              awareness:
                phrases: ["never heard of"]
            """,
            "custom.yaml",
            new TextAnalyzer());
    // The bundled models know the default departments, not "legal": the rules decide.
    Labeller enricher = withRouting(custom, LabelModels.bundled());

    EnrichedPost out =
        enricher.enrich(post("l1", "Acme lawsuit news, never heard of them").build());

    assertThat(out.getDepartment()).isEqualTo("legal");
    assertThat(out.getStage()).isEqualTo("awareness");
  }

  private static Labeller withTopicModel(Taxonomy taxonomy, String model) throws Exception {
    return withRouting(
        taxonomy,
        new LabelModels(
            null,
            new dev.earshot.labels.topics.TopicModel(
                dev.earshot.labels.model.LinearModel.read(
                    new java.io.ByteArrayInputStream(
                        model.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "topics.tsv")),
            null,
            null));
  }

  /** A model that gives card-consolidation to any post saying "debt", which no phrase does. */
  private static final String DEBT_MODEL =
      "<classes>\tcard-consolidation\trewards\n"
          + "<bias>\t-2\t-2\n"
          + "<threshold>\t0.7\t0.7\n"
          + "u:debt\t4\t0\n";

  @Test
  void theTopicModelAddsTopicsThePhrasesMissButNeverOverAnExclude() throws Exception {
    Taxonomy taxonomy =
        TaxonomyParser.parse(
            """
            version: "t1"
            topics:
              card-consolidation:
                phrases: ["balance transfer"]
                exclude: ["student debt"]
              rewards:
                phrases: ["cash back"]
            """,
            "topics.yaml",
            new TextAnalyzer());
    Labeller byModel = withTopicModel(taxonomy, DEBT_MODEL);
    Labeller byRules = withRouting(taxonomy, LabelModels.rulesOnly());

    String debt = "moving all our debt onto one card, cash back too";
    assertThat(byModel.enrich(post("m1", debt).build()).getTopics())
        .containsExactly("card-consolidation", "rewards");
    assertThat(byRules.enrich(post("m2", debt).build()).getTopics()).containsExactly("rewards");
    assertThat(byModel.enrich(post("m3", "my student debt is huge").build()).getTopics()).isEmpty();
    // The English model does not read other languages; their phrases still count.
    assertThat(byModel.enrich(post("m4", "debt debt cash back").setLang("es").build()).getTopics())
        .containsExactly("rewards");
  }

  @Test
  void aTopicTheTaxonomyDroppedIsNeverGivenByTheModel() throws Exception {
    // "debt" is a card-consolidation cue for the model; this taxonomy has no such topic
    Taxonomy taxonomy =
        TaxonomyParser.parse(
            """
            version: "t2"
            topics:
              mortgages:
                phrases: ["mortgage"]
            """,
            "topics.yaml",
            new TextAnalyzer());

    EnrichedPost out =
        withTopicModel(taxonomy, DEBT_MODEL).enrich(post("m5", "debt and a mortgage").build());

    assertThat(out.getTopics()).containsExactly("mortgages");
  }
}
