package dev.earshot.tools.train;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.routing.RoutingFeatures;
import dev.earshot.labels.sentiment.SentimentFeatures;
import dev.earshot.labels.sentiment.SentimentLexicon;
import dev.earshot.labels.sentiment.SocialSentimentScorer;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.labels.text.TextFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each model sees of a post, computed as the labeller computes it, so that {@code train}
 * trains on exactly what labelling reads. Built on the labeller whose taxonomy (and, for the
 * routing features, whose earlier labels) the features hold. One thread at a time.
 */
public final class TrainingFeatures {
  private final Labeller labeller;
  private final SentimentLexicon lexicon = SentimentLexicon.load();
  private final TextAnalyzer analyzer = new TextAnalyzer();

  public TrainingFeatures(Labeller labeller) {
    this.labeller = labeller;
  }

  /**
   * What the sentiment model sees of this text: its words, the social scorer's verdict (with the
   * taxonomy's phrases) and the post's cues, whatever the labeller's sentiment mode.
   */
  public Map<String, Double> sentiment(String text) {
    SocialSentimentScorer scorer =
        new SocialSentimentScorer(lexicon, labeller.taxonomy().sentimentPhrases());
    return SentimentFeatures.of(analyzer.sentences(text), scorer);
  }

  /**
   * What the department and stage models see of this post: its words, the rules' matches, and the
   * topics, brands and sentiment the labeller gives it.
   */
  public Map<String, Double> routing(RawPost post) {
    Taxonomy taxonomy = labeller.taxonomy();
    EnrichedPost labelled = labeller.enrich(post);
    List<List<String>> sentences = analyzer.sentences(post.getText());
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
   * What the topic model sees of this text: its words. Not the phrase matches: the model is a
   * second opinion of its own.
   */
  public Map<String, Double> topics(String text) {
    Map<String, Double> features = new HashMap<>();
    TextFeatures.addWords(analyzer.sentences(text), features);
    return features;
  }
}
