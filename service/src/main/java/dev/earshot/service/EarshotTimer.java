package dev.earshot.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * Every duration earshot measures, as a Prometheus histogram ({@code _bucket}, {@code _count},
 * {@code _sum}) with its HELP text, so that percentiles can be computed across instances.
 */
public enum EarshotTimer {
  ENRICH_LABELLING(
      "earshot.enrich.labelling",
      "Time to label one post (tokens, language, sentiment, taxonomy, models)",
      Duration.ofMillis(1),
      Duration.ofSeconds(2)),
  AGGREGATE_PIPELINE_LATENCY(
      "earshot.aggregate.pipeline.latency",
      "Time from ingest accepting a post (its ingested_at) to aggregate reading it from"
          + " posts.enriched",
      Duration.ofMillis(10),
      Duration.ofSeconds(60)),
  /**
   * Spans seconds to a month, so a few explicit buckets rather than Micrometer's fine-grained ones
   * (over a hundred series at this range): how old, not how old to the second.
   */
  AGGREGATE_POST_AGE(
      "earshot.aggregate.post.age",
      "Age of a post (now minus its created_at) when aggregate reads it from posts.enriched;"
          + " large for backfills",
      List.of(
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7),
          Duration.ofDays(30))),

  /** Per route: the time from a request's arrival to its answer, queries and posts alike. */
  HTTP_REQUEST(
      "earshot.http.request",
      "Time to answer an HTTP request, by route (its path template; none: no route answered, e.g."
          + " 404 or refused before its route), method and status",
      List.of(
          Duration.ofMillis(1),
          Duration.ofMillis(2),
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10)));

  private final String meterName;
  private final String help;
  private final Duration least;
  private final Duration most;
  private final List<Duration> buckets;

  /** Micrometer's percentile-histogram buckets from {@code least} to {@code most}. */
  EarshotTimer(String meterName, String help, Duration least, Duration most) {
    this(meterName, help, least, most, List.of());
  }

  /** Exactly these bucket bounds (and +Inf). */
  EarshotTimer(String meterName, String help, List<Duration> buckets) {
    this(meterName, help, null, null, buckets);
  }

  private EarshotTimer(
      String meterName, String help, Duration least, Duration most, List<Duration> buckets) {
    this.meterName = meterName;
    this.help = help;
    this.least = least;
    this.most = most;
    this.buckets = buckets;
  }

  /** The timer in the registry, with its histogram buckets. */
  public Timer in(MeterRegistry registry, String... tags) {
    Timer.Builder builder = Timer.builder(meterName).description(help).tags(tags);
    if (buckets.isEmpty()) {
      builder.publishPercentileHistogram().minimumExpectedValue(least).maximumExpectedValue(most);
    } else {
      builder.serviceLevelObjectives(buckets.toArray(Duration[]::new));
    }
    return builder.register(registry);
  }

  public String meterName() {
    return meterName;
  }

  /** The histogram's name in Prometheus: {@code earshot_enrich_labelling_seconds}. */
  public String prometheusName() {
    return meterName.replace('.', '_') + "_seconds";
  }

  public String help() {
    return help;
  }
}
