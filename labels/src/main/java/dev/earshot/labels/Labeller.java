package dev.earshot.labels;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.labels.sentiment.LanguageSentiment;
import dev.earshot.labels.sentiment.SentimentLexicon;
import dev.earshot.labels.sentiment.SocialSentimentScorer;
import dev.earshot.labels.taxonomy.PhraseMatcher;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.LanguageGuesser;
import dev.earshot.labels.text.Languages;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.labels.text.TextFeatures;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.Sentiments;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels one post: CoreNLP tokens, language, sentiment, audiences, topics, brands, department and
 * journey stage. The way each label family is decided (a trained model, or the taxonomy's rules) is
 * a step chosen once, when the labeller is built from its {@link LabellerSettings}. Pure apart from
 * the clock; safe to share between stream threads (each thread gets its own CoreNLP pipeline), and
 * its taxonomy can be swapped while they label ({@link #use}).
 */
public final class Labeller {
  private final SentimentLexicon lexicon;

  /** The word lists of the other languages the social scorer reads (Spanish, French...). */
  private final Map<String, LanguageSentiment> otherLanguages;

  private final SentimentStep sentimentStep;
  private final LabelModels models;
  private final LanguageGuesser languages = new LanguageGuesser();
  private final ThreadLocal<TextAnalyzer> analyzer = ThreadLocal.withInitial(TextAnalyzer::new);
  private final int maxTextChars;
  private final long timeBudgetNanos;
  private final Clock clock;

  /** The taxonomy in use and what depends on it; replaced whole, so a post sees one version. */
  private volatile InUse inUse;

  private Labeller(LabellerSettings settings, Taxonomy taxonomy, LabelModels models, Clock clock) {
    this.lexicon = SentimentLexicon.load();
    this.otherLanguages = LanguageSentiment.bundled(lexicon);
    this.sentimentStep = SentimentStep.of(settings.sentiment(), models.sentiment());
    this.models = models;
    this.maxTextChars = settings.maxTextChars();
    this.timeBudgetNanos = settings.maxTimePerPost().toNanos();
    this.clock = clock;
    use(taxonomy);
  }

  /** A labeller as the settings say: their taxonomy and models, the UTC clock. */
  public static Labeller create(LabellerSettings settings) {
    return create(settings, Clock.systemUTC());
  }

  /**
   * A labeller as the settings say, with this clock for {@code enriched_at}.
   *
   * @throws dev.earshot.labels.taxonomy.TaxonomyException if the taxonomy file does not parse
   */
  public static Labeller create(LabellerSettings settings, Clock clock) {
    TextAnalyzer analyzer = new TextAnalyzer();
    Taxonomy taxonomy =
        settings.taxonomyFile() == null
            ? TaxonomyParser.loadDefault(analyzer)
            : TaxonomyParser.load(settings.taxonomyFile(), analyzer);
    return create(settings, taxonomy, LabelModels.load(settings), clock);
  }

  /**
   * A labeller with a taxonomy and models already loaded, for tests and tools that make their own:
   * the settings give the sentiment mode and the limits; the models given decide topics and routing
   * (a null model: the rules), whatever the settings' {@code topics} and {@code routing} say. Their
   * files are not read.
   */
  public static Labeller create(
      LabellerSettings settings, Taxonomy taxonomy, LabelModels models, Clock clock) {
    return new Labeller(settings, taxonomy, models, clock);
  }

  /**
   * Labels every post from now on with this taxonomy. Safe while other threads label: each post is
   * labelled entirely with the taxonomy current when it started.
   */
  public void use(Taxonomy taxonomy) {
    inUse =
        new InUse(
            taxonomy,
            new SocialSentimentScorer(lexicon, taxonomy.sentimentPhrases()),
            otherLanguageScorers(taxonomy),
            TopicStep.of(models.topics(), taxonomy),
            RoutingStep.of(models.department(), models.stage(), taxonomy));
  }

  /** A social scorer per other language, each with its words and the taxonomy's phrases. */
  private Map<String, SocialSentimentScorer> otherLanguageScorers(Taxonomy taxonomy) {
    Map<String, SocialSentimentScorer> scorers = new HashMap<>();
    otherLanguages.forEach(
        (language, words) ->
            scorers.put(
                language,
                new SocialSentimentScorer(
                    words.lexicon(), taxonomy.sentimentPhrases(), words.rules())));
    return Map.copyOf(scorers);
  }

  public Taxonomy taxonomy() {
    return inUse.taxonomy();
  }

  /**
   * The post, labelled.
   *
   * @throws PostTooLargeException if its text is longer than the settings allow
   * @throws PostOverBudgetException if it took longer to label than the settings allow
   */
  public EnrichedPost enrich(RawPost post) {
    long started = System.nanoTime();
    EnrichedPost enriched = label(post);
    long took = System.nanoTime() - started;
    if (timeBudgetNanos > 0 && took > timeBudgetNanos) {
      throw new PostOverBudgetException(
          PostKeys.of(post.getPlatform(), post.getId()),
          Duration.ofNanos(took),
          Duration.ofNanos(timeBudgetNanos));
    }
    return enriched;
  }

  private EnrichedPost label(RawPost post) {
    InUse current = inUse;
    Taxonomy taxonomy = current.taxonomy();
    String text = post.getText();
    if (text.length() > maxTextChars) {
      throw new PostTooLargeException(
          PostKeys.of(post.getPlatform(), post.getId()), text.length(), maxTextChars);
    }
    TextAnalyzer nlp = analyzer.get();
    List<List<String>> sentences = nlp.sentences(text);
    List<String> tokens = new ArrayList<>();
    sentences.forEach(tokens::addAll);
    String lang = languages.guess(post.getLang(), tokens);
    PhraseMatcher.Stems stems = Taxonomy.stems(tokens); // once for every rule below
    List<String> brands = List.copyOf(taxonomy.brands(stems)); // names read the same everywhere
    // The taxonomy's phrases apply in every language: analysts may list phrases in any of them.
    String bio = post.getAuthor() == null ? null : post.getAuthor().getBio();
    List<String> bioTokens = bio == null || bio.isBlank() ? List.of() : nlp.tokens(bio);
    List<String> audiences = List.copyOf(taxonomy.audiences(stems, Taxonomy.stems(bioTokens)));
    PhraseMatcher.Matches topicPhrases = taxonomy.topicMatches(stems);
    Labels labels =
        Languages.readByModels(lang)
            ? byModels(current, text, sentences, stems, topicPhrases, brands)
            : byRules(current, lang, sentences, stems, topicPhrases);
    return EnrichedPost.newBuilder()
        .setPost(post)
        .setLang(lang)
        .setSentiment(labels.sentiment())
        .setAudiences(audiences)
        .setTopics(labels.topics())
        .setBrands(brands)
        .setDepartment(labels.route().department())
        .setStage(labels.route().stage())
        .setTaxonomyVersion(taxonomy.version())
        .setEnrichedAt(clock.instant())
        .build();
  }

  /** An English post (or one of unknown language): each family by its step. */
  private Labels byModels(
      InUse current,
      String text,
      List<List<String>> sentences,
      PhraseMatcher.Stems stems,
      PhraseMatcher.Matches topicPhrases,
      List<String> brands) {
    // The words are features of the sentiment, topic and routing models: computed once, shared.
    Map<String, Double> features = new HashMap<>();
    if (sentimentStep.readsWords() || current.readsWords()) {
      TextFeatures.addWords(sentences, features);
    }
    SocialSentimentScorer.Score score =
        sentimentStep.score(text, sentences, current.scorer(), features);
    Sentiment sentiment = new Sentiment(score.label(), score.score(), score.decidedBy());
    List<String> topics = current.topics().topics(features, topicPhrases, current.taxonomy());
    RoutingStep.Route route =
        current
            .routing()
            .route(
                current.taxonomy(),
                stems,
                new RoutingStep.Routed(topics, brands, score.label(), features));
    return new Labels(sentiment, topics, route);
  }

  /**
   * The models are English: other languages get the social scorer with their own word list where
   * earshot has one, else a neutral that says so; the taxonomy's rules apply to all.
   */
  private static Labels byRules(
      InUse current,
      String lang,
      List<List<String>> sentences,
      PhraseMatcher.Stems stems,
      PhraseMatcher.Matches topicPhrases) {
    SocialSentimentScorer inLanguage = current.otherLanguages().get(lang);
    Sentiment sentiment;
    if (inLanguage == null) {
      sentiment = new Sentiment(Sentiments.NEUTRAL, 0.0, "skipped:lang=" + lang);
    } else {
      SocialSentimentScorer.Score score = inLanguage.score(sentences);
      sentiment = new Sentiment(score.label(), score.score(), score.decidedBy() + ":lang=" + lang);
    }
    return new Labels(
        sentiment,
        List.copyOf(topicPhrases.found()),
        RoutingStep.Route.byRules(current.taxonomy(), stems));
  }

  /** The labels that depend on the post's language. */
  private record Labels(Sentiment sentiment, List<String> topics, RoutingStep.Route route) {}

  /** The taxonomy in use, the scorers made with its phrases, and the steps fitted to its labels. */
  private record InUse(
      Taxonomy taxonomy,
      SocialSentimentScorer scorer,
      Map<String, SocialSentimentScorer> otherLanguages,
      TopicStep topics,
      RoutingStep routing) {
    /** Whether the topic or routing step reads the post's word features. */
    boolean readsWords() {
      return topics.readsWords() || routing.readsWords();
    }
  }
}
