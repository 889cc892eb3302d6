package dev.earshot.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What the dead-letter handlers need from the Streams configuration they are given: the service's
 * meter registry and its application id (the stage named in the metric).
 */
final class DeadLetterCounter {
  private final MeterRegistry metrics;
  private final String stage;

  private DeadLetterCounter(MeterRegistry metrics, String stage) {
    this.metrics = metrics;
    this.stage = stage;
  }

  static DeadLetterCounter from(Map<String, ?> configs) {
    MeterRegistry metrics =
        configs.get(Metrics.REGISTRY_CONFIG_KEY) instanceof MeterRegistry registry
            ? registry
            : null;
    Object appId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    return new DeadLetterCounter(metrics, appId == null ? "unknown" : appId.toString());
  }

  void count(String reason) {
    Metrics.countDeadLetter(metrics, stage, reason);
  }
}
