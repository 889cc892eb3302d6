package dev.earshot.service;

import dev.earshot.schemas.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Metric names shared by all services, and the registry factory. */
public final class Metrics {
  /**
   * Records sent to a dead-letter topic; tags: stage ({@link Stage#tag()}) and reason (the dead
   * letter's reason header).
   */
  public static final String DEAD_LETTERS = "earshot.dead.letters";

  /**
   * Key under which a service hands its {@link MeterRegistry} to Kafka Streams' exception handlers
   * through the Streams configuration (they are created by class name).
   */
  public static final String REGISTRY_CONFIG_KEY = "earshot.metrics.registry";

  public static PrometheusMeterRegistry newRegistry(String service) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    return registry;
  }

  public static void countDeadLetter(MeterRegistry registry, Stage stage, String reason) {
    if (registry != null) {
      registry.counter(DEAD_LETTERS, "stage", stage.tag(), "reason", reason).increment();
    }
  }

  private Metrics() {}
}
