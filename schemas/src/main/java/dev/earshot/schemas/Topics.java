package dev.earshot.schemas;

import java.util.List;

/**
 * Every topic earshot reads or writes, in one place. Internal Kafka Streams topics are derived from
 * the (named) operators and application ids and are not listed here.
 */
public final class Topics {
  /** Validated posts from ingest, keyed by {@link PostKeys#of(String, String)}. */
  public static final String POSTS_RAW = "posts.raw";

  /** Posts with sentiment, audience, topic and brand labels; same key as posts.raw. */
  public static final String POSTS_ENRICHED = "posts.enriched";

  /** Latest counts per (audience, topic, hourly window), compacted; for BI sinks. */
  public static final String AUDIENCE_TOPIC_HOURLY = "aggregates.audience-topic.hourly";

  /** Input ingest refused, as a {@link DeadLetter}: the bytes as received, why in headers. */
  public static final String INGEST_DLQ = "ingest.dlq";

  /** Records enrich could not read or label, as a {@link DeadLetter}. */
  public static final String ENRICH_DLQ = "enrich.dlq";

  /** Records aggregate could not read or count (late ones too), as a {@link DeadLetter}. */
  public static final String AGGREGATE_DLQ = "aggregate.dlq";

  /**
   * Versions of the taxonomy, keyed by taxonomy name, compacted, one partition: every enricher
   * reads all of it and follows the latest valid version.
   */
  public static final String TAXONOMY = "taxonomy";

  /**
   * What a topic needs when it is created.
   *
   * @param partitions a fixed partition count, or 0 for the configured default
   */
  public record Spec(String name, boolean compacted, int partitions) {
    Spec(String name, boolean compacted) {
      this(name, compacted, 0);
    }
  }

  public static List<Spec> all() {
    return List.of(
        new Spec(POSTS_RAW, false),
        new Spec(POSTS_ENRICHED, false),
        new Spec(AUDIENCE_TOPIC_HOURLY, true),
        new Spec(INGEST_DLQ, false),
        new Spec(ENRICH_DLQ, false),
        new Spec(AGGREGATE_DLQ, false),
        new Spec(TAXONOMY, true, 1));
  }

  private Topics() {}
}
