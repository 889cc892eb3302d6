package dev.earshot.service;

import dev.earshot.schemas.Stage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Metric names shared by all services, and the registry factory. */
public final class Metrics {
  /**
   * Records sent to a dead-letter topic; tags: stage ({@link Stage#tag()}) and reason (the dead
   * letter's reason header).
   */
  public static final String DEAD_LETTERS = EarshotCounter.DEAD_LETTERS.meterName();

  /**
   * Key under which a service hands its {@link MeterRegistry} to Kafka Streams' exception handlers
   * through the Streams configuration (they are created by class name).
   */
  public static final String REGISTRY_CONFIG_KEY = "earshot.metrics.registry";

  /**
   * A registry tagged with the service's name, holding the JVM's and the process's own metrics
   * (memory, GC, threads, class loading, CPU, uptime, open files) and {@code earshot_build_info}.
   */
  public static PrometheusMeterRegistry newRegistry(String service) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("earshot.build.info", () -> 1)
        .description("Always 1; the tags say which earshot and which Java run here")
        .tags("version", VERSION, "java", System.getProperty("java.version"))
        .register(registry);
    return registry;
  }

  /** The version in the jar's manifest; {@code dev} when run from classes (tests, IDE). */
  public static final String VERSION =
      java.util.Objects.requireNonNullElse(
          Metrics.class.getPackage().getImplementationVersion(), "dev");

  public static void countDeadLetter(MeterRegistry registry, Stage stage, String reason) {
    if (registry != null) {
      EarshotCounter.DEAD_LETTERS.in(registry, "stage", stage.tag(), "reason", reason).increment();
    }
  }

  private Metrics() {}
}
