package dev.earshot.labels;

import dev.earshot.labels.sentiment.RntnScorer;
import dev.earshot.labels.sentiment.SentimentFeatures;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.sentiment.SocialSentimentScorer;
import java.util.List;
import java.util.Map;

/** How an English post's sentiment is decided: one of these, chosen when the labeller is built. */
interface SentimentStep {
  /**
   * @param scorer the social scorer with the taxonomy in use's phrases
   * @param features the post's word features, filled in if any step {@link #readsWords()}
   */
  SocialSentimentScorer.Score score(
      String text,
      List<List<String>> sentences,
      SocialSentimentScorer scorer,
      Map<String, Double> features);

  /** Whether the step reads the post's word features (only the trained model does). */
  default boolean readsWords() {
    return false;
  }

  /**
   * The step for this mode.
   *
   * @param model the sentiment model, needed by {@link SentimentMode#MODEL} only
   */
  static SentimentStep of(SentimentMode mode, SentimentModel model) {
    return switch (mode) {
      case MODEL -> new ByModel(model);
      case LEXICON -> new ByLexicon();
      case RNTN_WHEN_NO_CUE -> new ByRntnWhenNoCue(rntn());
      case RNTN -> new ByRntn(rntn());
    };
  }

  /** One RNTN scorer per thread; the models are looked for now, not on the first post. */
  private static ThreadLocal<RntnScorer> rntn() {
    RntnScorer.requireModels();
    return ThreadLocal.withInitial(RntnScorer::new);
  }

  /** The trained model, over the post's words, the social scorer's verdict and the post's cues. */
  record ByModel(SentimentModel model) implements SentimentStep {
    public ByModel {
      if (model == null) {
        throw new IllegalArgumentException("sentiment mode model needs a sentiment model");
      }
    }

    @Override
    public SocialSentimentScorer.Score score(
        String text,
        List<List<String>> sentences,
        SocialSentimentScorer scorer,
        Map<String, Double> features) {
      SentimentFeatures.addPost(sentences, scorer, features);
      return model.score(features);
    }

    @Override
    public boolean readsWords() {
      return true;
    }
  }

  /** The social scorer alone. */
  record ByLexicon() implements SentimentStep {
    @Override
    public SocialSentimentScorer.Score score(
        String text,
        List<List<String>> sentences,
        SocialSentimentScorer scorer,
        Map<String, Double> features) {
      return scorer.score(sentences);
    }
  }

  /** The social scorer, and the RNTN model where the scorer found no cue. */
  record ByRntnWhenNoCue(ThreadLocal<RntnScorer> rntn) implements SentimentStep {
    @Override
    public SocialSentimentScorer.Score score(
        String text,
        List<List<String>> sentences,
        SocialSentimentScorer scorer,
        Map<String, Double> features) {
      SocialSentimentScorer.Score lexical = scorer.score(sentences);
      return SocialSentimentScorer.NO_CUE.equals(lexical.decidedBy())
          ? rntn.get().score(text)
          : lexical;
    }
  }

  /** CoreNLP's RNTN model alone. */
  record ByRntn(ThreadLocal<RntnScorer> rntn) implements SentimentStep {
    @Override
    public SocialSentimentScorer.Score score(
        String text,
        List<List<String>> sentences,
        SocialSentimentScorer scorer,
        Map<String, Double> features) {
      return rntn.get().score(text);
    }
  }
}
