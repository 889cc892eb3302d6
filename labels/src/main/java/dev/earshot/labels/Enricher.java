package dev.earshot.labels;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.labels.routing.RoutingFeatures;
import dev.earshot.labels.routing.RoutingModel;
import dev.earshot.labels.sentiment.LanguageSentiment;
import dev.earshot.labels.sentiment.RntnScorer;
import dev.earshot.labels.sentiment.SentimentFeatures;
import dev.earshot.labels.sentiment.SentimentLexicon;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.sentiment.SocialSentimentScorer;
import dev.earshot.labels.taxonomy.PhraseMatcher;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.text.LanguageGuesser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.labels.text.TextFeatures;
import dev.earshot.labels.topics.TopicModel;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.Sentiments;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Labels one post: CoreNLP tokens, language, sentiment, audiences, topics, brands, department and
 * journey stage. Pure apart from the clock; safe to share between stream threads (each thread gets
 * its own CoreNLP pipeline).
 */
public final class Enricher {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Enricher.class);
  private final SentimentLexicon lexicon;

  /** The word lists of the other languages the social scorer reads (Spanish, French...). */
  private final Map<String, LanguageSentiment> otherLanguages;

  private final AtomicReference<Rules> rules = new AtomicReference<>();
  private final LanguageGuesser languages = new LanguageGuesser();
  private final ThreadLocal<TextAnalyzer> analyzer = ThreadLocal.withInitial(TextAnalyzer::new);
  private final int maxTextChars;
  private final long timeBudgetNanos;
  private final Clock clock;

  /** Which scorer decides sentiment. */
  public enum SentimentMode {
    /**
     * The default: a logistic regression trained on labelled posts, over the words of the post and
     * the social scorer's verdict (see {@link SentimentModel}).
     */
    MODEL,
    /** The social-text scorer alone: lexicon, rules and the taxonomy's phrases. */
    LEXICON,
    /** The social scorer, and CoreNLP's RNTN model where the lexicon finds no cue. */
    RNTN_WHEN_NO_CUE,
    /** CoreNLP's RNTN model alone: the baseline, about 300 times slower. */
    RNTN;

    public static SentimentMode parse(String value) {
      return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "model" -> MODEL;
        case "lexicon" -> LEXICON;
        case "rntn-when-no-cue" -> RNTN_WHEN_NO_CUE;
        case "rntn" -> RNTN;
        default ->
            throw new IllegalArgumentException(
                "enrich.sentiment must be model, lexicon, rntn-when-no-cue or rntn, was '"
                    + value
                    + "'");
      };
    }
  }

  private final SentimentMode mode;
  private final SentimentModel model;
  private final LabelModels models;
  private final ThreadLocal<RntnScorer> rntn;

  /**
   * An enricher for this taxonomy: by default with the trained sentiment model ({@link
   * SentimentMode#MODEL}), the bundled topic, department and stage models, no time budget and the
   * UTC clock.
   *
   * @param maxTextChars a longer post is refused (and so goes to the dead-letter topic)
   */
  public static Builder builder(Taxonomy taxonomy, SentimentLexicon lexicon, int maxTextChars) {
    return new Builder(taxonomy, lexicon, maxTextChars);
  }

  /** What an enricher is made of; every setting but the three of {@link #builder} has a default. */
  public static final class Builder {
    private final Taxonomy taxonomy;
    private final SentimentLexicon lexicon;
    private final int maxTextChars;
    private Clock clock = Clock.systemUTC();
    private SentimentMode mode = SentimentMode.MODEL;
    private Duration timeBudget = Duration.ZERO;
    private SentimentModel sentimentModel;
    private LabelModels models;

    private Builder(Taxonomy taxonomy, SentimentLexicon lexicon, int maxTextChars) {
      this.taxonomy = taxonomy;
      this.lexicon = lexicon;
      this.maxTextChars = maxTextChars;
    }

    /** The clock of {@code enriched_at}. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Which scorer decides sentiment ({@code enrich.sentiment}). */
    public Builder sentiment(SentimentMode mode) {
      this.mode = mode;
      return this;
    }

    /**
     * A post that takes longer than this to label is refused (and so goes to the dead-letter topic)
     * rather than holding up its partition; zero, the default, means no budget.
     */
    public Builder timeBudget(Duration timeBudget) {
      this.timeBudget = timeBudget;
      return this;
    }

    /** The sentiment model for {@link SentimentMode#MODEL}; null for the bundled one. */
    public Builder sentimentModel(SentimentModel sentimentModel) {
      this.sentimentModel = sentimentModel;
      return this;
    }

    /**
     * The topic, department and stage models; {@link LabelModels#rulesOnly()} lets the taxonomy's
     * rules decide. Default: the bundled models.
     */
    public Builder models(LabelModels models) {
      this.models = models;
      return this;
    }

    public Enricher build() {
      return new Enricher(this);
    }
  }

  private Enricher(Builder b) {
    this.models = b.models != null ? b.models : LabelModels.bundled();
    this.timeBudgetNanos = b.timeBudget.toNanos();
    this.mode = b.mode;
    this.model =
        mode != SentimentMode.MODEL
            ? null
            : b.sentimentModel != null ? b.sentimentModel : SentimentModel.loadDefault();
    if (mode == SentimentMode.RNTN || mode == SentimentMode.RNTN_WHEN_NO_CUE) {
      RntnScorer.requireModels(); // fail at start, not on the first post
    }
    this.rntn = ThreadLocal.withInitial(RntnScorer::new);
    this.lexicon = b.lexicon;
    this.otherLanguages = LanguageSentiment.bundled(b.lexicon);
    this.maxTextChars = b.maxTextChars;
    this.clock = b.clock;
    use(b.taxonomy);
  }

  /**
   * Labels every post from now on with this taxonomy. Safe while other threads enrich: each post is
   * labelled entirely with the taxonomy current when it started.
   */
  public void use(Taxonomy taxonomy) {
    rules.set(
        new Rules(
            taxonomy,
            new SocialSentimentScorer(lexicon, taxonomy.sentimentPhrases()),
            otherLanguageScorers(taxonomy),
            knowingSomeOf(models.topics(), taxonomy.topicLabels()),
            covering(models.department(), taxonomy.departmentLabels(), "department"),
            covering(models.stage(), taxonomy.stageLabels(), "stage")));
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

  /**
   * The topic model if it knows some of the taxonomy's topics; topics it does not know are found by
   * their phrases alone, and a warning says which.
   */
  private static TopicModel knowingSomeOf(TopicModel model, Set<String> topics) {
    if (model == null) {
      return null;
    }
    Set<String> unknown = new TreeSet<>(topics);
    model.topics().forEach(unknown::remove);
    if (unknown.size() == topics.size()) {
      log.warn(
          "the topic model knows {}, none of the taxonomy's topics: phrases alone find topics",
          model.topics());
      return null;
    }
    if (!unknown.isEmpty()) {
      log.warn(
          "the topic model does not know {}: phrases alone find those (./earshot train --target"
              + " topics)",
          unknown);
    }
    return model;
  }

  /** The model if it knows exactly the taxonomy's labels; else null, and the rules decide. */
  private static RoutingModel covering(RoutingModel model, List<String> labels, String what) {
    if (model == null) {
      return null;
    }
    if (!model.covers(labels)) {
      log.warn(
          "the {} model knows {}, the taxonomy lists {}: its rules decide the {} until a model is"
              + " trained for it (./earshot train --target {})",
          what,
          model.linear().classes(),
          labels,
          what,
          what);
      return null;
    }
    return model;
  }

  public Taxonomy taxonomy() {
    return rules.get().taxonomy();
  }

  /**
   * What the sentiment model sees of this text: the same features whatever the mode, so that {@code
   * train} trains on exactly what labelling computes.
   */
  public Map<String, Double> sentimentFeatures(String text) {
    List<List<String>> sentences = analyzer.get().sentences(text);
    return SentimentFeatures.of(sentences, rules.get().scorer().score(sentences));
  }

  /**
   * What the department and stage models see of this post: the same features labelling computes, so
   * that {@code train} trains on them. English posts only; others get no department or stage.
   */
  public Map<String, Double> routingFeatures(RawPost post) {
    Taxonomy taxonomy = rules.get().taxonomy();
    EnrichedPost labelled = label(post);
    List<List<String>> sentences = analyzer.get().sentences(post.getText());
    List<String> tokens = new ArrayList<>();
    sentences.forEach(tokens::addAll);
    return RoutingFeatures.of(
        sentences,
        taxonomy.departments(tokens),
        taxonomy.stages(tokens),
        labelled.getTopics(),
        labelled.getBrands(),
        labelled.getSentiment().getLabel());
  }

  /**
   * What the topic model sees of this text: its words, as labelling computes them, so that {@code
   * train} trains on them. Not the phrase matches: the model is a second opinion of its own.
   */
  public Map<String, Double> topicFeatures(String text) {
    Map<String, Double> features = new HashMap<>();
    TextFeatures.addWords(analyzer.get().sentences(text), features);
    return features;
  }

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
    Rules current = rules.get();
    Taxonomy taxonomy = current.taxonomy();
    SocialSentimentScorer scorer = current.scorer();
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
    Set<String> byPhrases = topicPhrases.found();

    // The words are features of the sentiment, topic and routing models: computed once, shared.
    Map<String, Double> features = new HashMap<>();
    Sentiment sentiment;
    List<String> topics;
    String department = null;
    String stage = null;
    if ("en".equals(lang) || LanguageGuesser.UNKNOWN.equals(lang)) {
      if (modelsRead(current)) {
        TextFeatures.addWords(sentences, features);
      }
      SocialSentimentScorer.Score score =
          switch (mode) {
            case MODEL -> {
              SentimentFeatures.addLexicon(scorer.score(sentences), features);
              yield model.score(features);
            }
            case LEXICON -> scorer.score(sentences);
            case RNTN_WHEN_NO_CUE -> {
              SocialSentimentScorer.Score lexical = scorer.score(sentences);
              yield SocialSentimentScorer.NO_CUE.equals(lexical.decidedBy())
                  ? rntn.get().score(text)
                  : lexical;
            }
            case RNTN -> rntn.get().score(text);
          };
      sentiment = new Sentiment(score.label(), score.score(), score.decidedBy());
      if (current.topics() == null) {
        topics = List.copyOf(byPhrases);
      } else {
        topics =
            List.copyOf(
                current
                    .topics()
                    .topics(features, byPhrases, topicPhrases.vetoed(), taxonomy.topicLabels()));
      }
      if (current.department() == null && current.stage() == null) {
        department = taxonomy.department(stems).orElse(null);
        stage = taxonomy.stage(stems).orElse(null);
      } else {
        RoutingFeatures.addRules(
            taxonomy.departments(stems),
            taxonomy.stages(stems),
            topics,
            brands,
            score.label(),
            features);
        department =
            (current.department() == null
                    ? taxonomy.department(stems)
                    : current.department().label(features))
                .orElse(null);
        stage =
            (current.stage() == null ? taxonomy.stage(stems) : current.stage().label(features))
                .orElse(null);
      }
    } else {
      // The models are English: other languages get the social scorer with their own word list
      // where earshot has one, else a neutral that says so; the taxonomy's rules apply to all.
      SocialSentimentScorer inLanguage = current.otherLanguages().get(lang);
      if (inLanguage == null) {
        sentiment = new Sentiment(Sentiments.NEUTRAL, 0.0, "skipped:lang=" + lang);
      } else {
        SocialSentimentScorer.Score score = inLanguage.score(sentences);
        sentiment =
            new Sentiment(score.label(), score.score(), score.decidedBy() + ":lang=" + lang);
      }
      topics = List.copyOf(byPhrases);
      department = taxonomy.department(stems).orElse(null);
      stage = taxonomy.stage(stems).orElse(null);
    }
    return EnrichedPost.newBuilder()
        .setPost(post)
        .setLang(lang)
        .setSentiment(sentiment)
        .setAudiences(audiences)
        .setTopics(topics)
        .setBrands(brands)
        .setDepartment(department)
        .setStage(stage)
        .setTaxonomyVersion(taxonomy.version())
        .setEnrichedAt(clock.instant())
        .build();
  }

  /** Whether any model will read the post's words: then they are computed once, up front. */
  private boolean modelsRead(Rules current) {
    return mode == SentimentMode.MODEL
        || current.topics() != null
        || current.department() != null
        || current.stage() != null;
  }

  /** The taxonomy and what depends on it; the models are null where rules decide. */
  private record Rules(
      Taxonomy taxonomy,
      SocialSentimentScorer scorer,
      Map<String, SocialSentimentScorer> otherLanguages,
      TopicModel topics,
      RoutingModel department,
      RoutingModel stage) {}
}
