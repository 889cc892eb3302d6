package dev.earshot.service;

import dev.earshot.schemas.PipelineTopics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** What {@link StreamAppRunner} hands a {@link StreamApp} while it builds it. */
public final class StreamAppContext {
  private final ServiceConfig config;
  private final PrometheusMeterRegistry metrics;
  private final PipelineTopics topics;
  private final HttpSettings http;
  private final Properties streamsProperties;
  private final Map<String, Supplier<Object>> status = new LinkedHashMap<>();
  private final List<AutoCloseable> resources = new ArrayList<>();

  StreamAppContext(
      ServiceConfig config,
      PrometheusMeterRegistry metrics,
      PipelineTopics topics,
      HttpSettings http,
      Properties streamsProperties) {
    this.config = config;
    this.metrics = metrics;
    this.topics = topics;
    this.http = http;
    this.streamsProperties = streamsProperties;
  }

  public ServiceConfig config() {
    return config;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  /** The pipeline's topics with their serdes, on this service's schema registry. */
  public PipelineTopics topics() {
    return topics;
  }

  public HttpSettings http() {
    return http;
  }

  /** The Kafka Streams properties the app will run with; an app may add to them. */
  public Properties streamsProperties() {
    return streamsProperties;
  }

  /** Adds a field to the service's {@code /ready} status, read on every request. */
  public void status(String field, Supplier<Object> value) {
    status.put(field, value);
  }

  /** Something the app opened that must close when it stops (after Kafka Streams). */
  public <T extends AutoCloseable> T closeWithApp(T resource) {
    resources.add(resource);
    return resource;
  }

  Map<String, Supplier<Object>> statusFields() {
    return status;
  }

  List<AutoCloseable> resources() {
    return resources;
  }
}
