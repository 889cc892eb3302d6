package dev.earshot.tools;

import dev.earshot.labels.Enricher;
import dev.earshot.labels.LabelModels;
import dev.earshot.labels.sentiment.SentimentLexicon;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.text.TextAnalyzer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command-line tool shares to build its enricher: the same classes and defaults
 * as the stream, so what a tool shows is what the pipeline does.
 */
final class EnricherOptions {
  static final int MAX_TEXT_CHARS = 10_000;

  @Option(names = "--taxonomy", description = "Rules file (default: the bundled taxonomy).")
  Path taxonomy;

  @Option(
      names = "--sentiment",
      defaultValue = "model",
      description = "model, lexicon, rntn-when-no-cue or rntn (default: ${DEFAULT-VALUE}).")
  String sentiment = "model";

  @Option(
      names = "--sentiment-model",
      description = "Sentiment model file from train (default: the bundled model).")
  Path sentimentModel;

  @Option(
      names = "--topics",
      defaultValue = "model",
      description =
          "Who finds topics: model (the taxonomy's phrases and a trained model, the default) or"
              + " rules (the phrases alone).")
  String topics = "model";

  @Option(names = "--topic-model", description = "Topic model file from train.")
  Path topicModel;

  @Option(
      names = "--routing",
      defaultValue = "model",
      description =
          "Who picks department and stage: model (trained, the default) or rules (the first"
              + " listed label that matches).")
  String routing = "model";

  @Option(names = "--department-model", description = "Department model file from train.")
  Path departmentModel;

  @Option(names = "--stage-model", description = "Stage model file from train.")
  Path stageModel;

  Enricher create() {
    return create(models());
  }

  /** The models these options ask for. */
  LabelModels models() {
    return LabelModels.configured(topics, topicModel, routing, departmentModel, stageModel);
  }

  Enricher create(LabelModels models) {
    TextAnalyzer analyzer = new TextAnalyzer();
    Taxonomy rules =
        taxonomy == null ? Taxonomy.loadDefault(analyzer) : Taxonomy.load(taxonomy, analyzer);
    return Enricher.builder(rules, SentimentLexicon.load(), MAX_TEXT_CHARS)
        .sentiment(Enricher.SentimentMode.parse(sentiment))
        .sentimentModel(sentimentModel == null ? null : SentimentModel.read(sentimentModel))
        .models(models)
        .build();
  }
}
