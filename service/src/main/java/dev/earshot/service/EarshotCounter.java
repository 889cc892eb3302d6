package dev.earshot.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every counter earshot's services count, with its HELP text: one place for each name, and no
 * counter without a description in {@code /metrics}. Prometheus names add {@code _total} and use
 * underscores ({@code earshot.dead.letters} is {@code earshot_dead_letters_total}).
 */
public enum EarshotCounter {
  DEAD_LETTERS("earshot.dead.letters", "Records sent to a dead-letter topic, by stage and reason"),
  HTTP_REFUSED(
      "earshot.http.refused",
      "API requests refused before their handler: unauthenticated, forbidden or rate_limited"),
  HTTP_REJECTED("earshot.http.rejected", "Query API requests answered 400, by the field at fault"),
  INGEST_PUBLISHED("earshot.ingest.published", "Posts Kafka acknowledged on posts.raw"),
  ENRICH_POSTS(
      "earshot.enrich.posts",
      "Posts labelled, by language, sentiment and the path that decided the sentiment"),
  AGGREGATE_POSTS(
      "earshot.aggregate.posts",
      "Posts aggregate counted, per audience x topic cell (its labels) and sentiment"),
  ENRICH_DUPLICATES("earshot.enrich.duplicates", "Re-delivered posts enrich dropped"),
  TAXONOMY_UPDATES(
      "earshot.enrich.taxonomy.updates", "Taxonomy versions from the taxonomy topic taken up"),
  TAXONOMY_REJECTED(
      "earshot.enrich.taxonomy.rejected",
      "Taxonomy versions from the taxonomy topic refused; the one in use stays"),
  TAXONOMY_WATCHER_FAILURES(
      "earshot.enrich.taxonomy.watcher.failures",
      "Times the taxonomy watcher stopped on an unexpected failure (the taxonomy in use stays)");

  private final String meterName;
  private final String help;

  EarshotCounter(String meterName, String help) {
    this.meterName = meterName;
    this.help = help;
  }

  /** The counter with these tags (name, value, name, value...) in the registry. */
  public Counter in(MeterRegistry registry, String... tags) {
    return Counter.builder(meterName).description(help).tags(tags).register(registry);
  }

  public String meterName() {
    return meterName;
  }

  /** The name Prometheus shows: {@code earshot_dead_letters_total}. */
  public String prometheusName() {
    return meterName.replace('.', '_') + "_total";
  }

  public String help() {
    return help;
  }
}
