package dev.earshot.enrich;

import static dev.earshot.labels.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EnrichedPostCounterTest {
  private static final Labeller ENRICHER =
      Labeller.create(
          LabellerSettings.defaults()
              .withMaxTextChars(500)
              .withMaxTimePerPost(java.time.Duration.ZERO));

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final EnrichedPostCounter counter = new EnrichedPostCounter(metrics);

  private double count(String lang, String sentiment, String decidedBy) {
    var c =
        metrics
            .find(EnrichedPostCounter.NAME)
            .tags("lang", lang, "sentiment", sentiment, "decided_by", decidedBy)
            .counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void countsByLanguageSentimentAndPathWithBoundedTags() {
    counter.count(ENRICHER.enrich(post("1", "I love my Acme card, best rewards ever").build()));
    counter.count(ENRICHER.enrich(post("2", "Acme froze my card again, worst bank").build()));
    counter.count(
        ENRICHER.enrich(post("3", "la atención de Acme fue pésima").setLang("es").build()));
    counter.count(ENRICHER.enrich(post("4", "Acme is geweldig").setLang("nl").build()));
    counter.count(ENRICHER.enrich(post("5", "Acme is geweldig").setLang("nl-BE").build()));

    assertThat(count("en", "positive", "model")).isEqualTo(1);
    assertThat(count("en", "negative", "model")).isEqualTo(1);
    assertThat(count("es", "negative", "lexicon")).isEqualTo(1);
    // a language without a word list: "other", however the source spelled it
    assertThat(count("other", "neutral", "skipped")).isEqualTo(2);
    assertThat(metrics.find(EnrichedPostCounter.NAME).counters()).hasSize(4);
  }
}
