package dev.earshot.enrich.cli;

import dev.earshot.enrich.Enricher;
import dev.earshot.enrich.nlp.TextAnalyzer;
import dev.earshot.enrich.sentiment.SentimentLexicon;
import dev.earshot.enrich.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.time.Clock;

/** The enricher the command-line tools use: the same classes and defaults as the stream. */
final class EnricherFactory {
  static final int MAX_TEXT_CHARS = 10_000;

  static Enricher create(Path taxonomyFile) {
    return create(taxonomyFile, Enricher.SentimentMode.LEXICON);
  }

  static Enricher create(Path taxonomyFile, Enricher.SentimentMode mode) {
    TextAnalyzer analyzer = new TextAnalyzer();
    Taxonomy taxonomy =
        taxonomyFile == null
            ? Taxonomy.loadDefault(analyzer)
            : Taxonomy.load(taxonomyFile, analyzer);
    return new Enricher(taxonomy, SentimentLexicon.load(), MAX_TEXT_CHARS, Clock.systemUTC(), mode);
  }

  private EnricherFactory() {}
}
