package dev.earshot.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StreamApp}: reads nothing itself (the configuration comes in), then builds the
 * metrics registry, the pipeline topics on the schema registry, the topology, the Kafka Streams
 * client and the HTTP server with {@code /health}, {@code /ready} and {@code /metrics}, and starts
 * them. {@link #close} stops them in the reverse order.
 */
public final class StreamAppRunner implements RunningService {
  private static final Logger log = LoggerFactory.getLogger(StreamAppRunner.class);

  private final StreamsService streams;
  private final ServiceHttp http;
  private final List<AutoCloseable> resources;

  private StreamAppRunner(StreamsService streams, ServiceHttp http, List<AutoCloseable> resources) {
    this.streams = streams;
    this.http = http;
    this.resources = resources;
  }

  public static StreamAppRunner start(StreamApp app, ServiceConfig config) {
    PrometheusMeterRegistry metrics = Metrics.newRegistry(app.name());
    StreamAppContext context =
        new StreamAppContext(
            config,
            metrics,
            Registry.topics(config),
            HttpSettings.from(config),
            StreamsService.properties(config, app.stage(), metrics));
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      StreamsService streams =
          new StreamsService(
              app.name(), app.topology(context), context.streamsProperties(), metrics);
      opened.add(streams);
      ServiceHttp http =
          new ServiceHttp(
              context.http(), metrics, streams::isRunning, () -> status(streams, context));
      opened.add(http);
      app.routes(context, streams.streams(), http);
      http.start();
      streams.start();
      return new StreamAppRunner(streams, http, context.resources());
    } catch (RuntimeException e) {
      opened.addAll(context.resources());
      closeAll(opened);
      throw e;
    }
  }

  private static Map<String, Object> status(StreamsService streams, StreamAppContext context) {
    Map<String, Object> status = new LinkedHashMap<>(streams.status());
    context.statusFields().forEach((field, value) -> status.put(field, value.get()));
    return status;
  }

  @Override
  public String baseUrl() {
    return http.baseUrl();
  }

  public boolean isRunning() {
    return streams.isRunning();
  }

  public KafkaStreams streams() {
    return streams.streams();
  }

  /** Kafka Streams first (it commits and leaves the group), then the app's own, then HTTP. */
  @Override
  public void close() {
    List<AutoCloseable> order = new ArrayList<>();
    order.add(streams);
    order.addAll(resources);
    order.add(http);
    closeAll(order);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed", resource.getClass().getSimpleName(), e);
      }
    }
  }
}
