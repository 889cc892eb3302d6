package dev.earshot.enrich;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.labels.text.Languages;
import dev.earshot.service.EarshotCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts every labelled post in {@code earshot_enrich_posts_total{lang, sentiment, decided_by}}:
 * the language mix, the sentiment distribution, and which path decided (how many posts the trained
 * model scored, how many had no sentiment cue, how many were in a language earshot cannot read).
 * Tags are bounded: a declared language earshot has no word list for counts as "other", and {@code
 * decided_by} loses its ":lang=xx" suffix, which the lang tag already says.
 */
public final class EnrichedPostCounter {
  static final String NAME = EarshotCounter.ENRICH_POSTS.meterName();
  private static final Set<String> LANGUAGES = languages();

  private final MeterRegistry metrics;

  public EnrichedPostCounter(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  /** Every language the labeller names, and the unknown one. */
  private static Set<String> languages() {
    Set<String> all = new HashSet<>(Languages.GUESSED);
    all.add(Languages.UNKNOWN);
    return Set.copyOf(all);
  }

  /** Counts the post and hands it on, so it can sit in a mapping step. */
  public EnrichedPost count(EnrichedPost post) {
    String lang = LANGUAGES.contains(post.getLang()) ? post.getLang() : "other";
    String decidedBy = post.getSentiment().getDecidedBy();
    int suffix = decidedBy.indexOf(':');
    EarshotCounter.ENRICH_POSTS
        .in(
            metrics,
            "lang",
            lang,
            "sentiment",
            post.getSentiment().getLabel(),
            "decided_by",
            suffix < 0 ? decidedBy : decidedBy.substring(0, suffix))
        .increment();
    return post;
  }
}
