package dev.earshot.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Every duration earshot measures, as a Prometheus histogram ({@code _bucket}, {@code _count},
 * {@code _sum}) with its HELP text, so that percentiles can be computed across instances.
 */
public enum EarshotTimer {
  ENRICH_LABELLING(
      "earshot.enrich.labelling",
      "Time to label one post (tokens, language, sentiment, taxonomy, models)",
      Duration.ofMillis(1),
      Duration.ofSeconds(2));

  private final String meterName;
  private final String help;
  private final Duration least;
  private final Duration most;

  EarshotTimer(String meterName, String help, Duration least, Duration most) {
    this.meterName = meterName;
    this.help = help;
    this.least = least;
    this.most = most;
  }

  /** The timer in the registry, with histogram buckets from {@code least} to {@code most}. */
  public Timer in(MeterRegistry registry, String... tags) {
    return Timer.builder(meterName)
        .description(help)
        .tags(tags)
        .publishPercentileHistogram()
        .minimumExpectedValue(least)
        .maximumExpectedValue(most)
        .register(registry);
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
