package dev.earshot.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StreamApp}: reads nothing itself (the configuration comes in), then builds the
 * metrics registry, the pipeline topics on the schema registry, the topology, the Kafka Streams
 * client and the HTTP server with {@code /health}, {@code /ready} and {@code /metrics}, and starts
 * them. {@link #close} stops them in the reverse order, and so does a failed start.
 */
public final class StreamAppRunner implements RunningService {
  private static final Logger log = LoggerFactory.getLogger(StreamAppRunner.class);

  private final StreamsService streams;
  private final ServiceHttp http;
  private final List<AutoCloseable> closeOrder;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StreamAppRunner(
      StreamsService streams, ServiceHttp http, List<AutoCloseable> closeOrder) {
    this.streams = streams;
    this.http = http;
    this.closeOrder = closeOrder;
  }

  public static StreamAppRunner start(StreamApp app, ServiceConfig config) {
    PrometheusMeterRegistry metrics = Metrics.newRegistry(app.name());
    StreamsService streams = null;
    ServiceHttp http = null;
    StreamAppContext context = null;
    try {
      context =
          new StreamAppContext(
              config,
              metrics,
              Registry.topics(config),
              HttpSettings.from(config),
              StreamsService.properties(config, app.stage(), metrics));
      streams =
          new StreamsService(
              app.name(), app.topology(context), context.streamsProperties(), metrics);
      StreamsService running = streams;
      StreamAppContext built = context;
      http =
          new ServiceHttp(
                  context.http(),
                  metrics,
                  () -> running.isReady(app.readyWhileRebalancing()),
                  () -> status(running, built))
              .liveness(streams::isAlive);
      app.routes(context, streams.streams(), http);
      http.start();
      streams.start();
      return new StreamAppRunner(streams, http, closeOrder(streams, context, http, metrics));
    } catch (RuntimeException | Error e) {
      closeAll(closeOrder(streams, context, http, metrics));
      throw e;
    }
  }

  /**
   * Kafka Streams first (it commits and leaves the group), then what the app opened, then HTTP and
   * the metrics; whatever of them exists.
   */
  private static List<AutoCloseable> closeOrder(
      StreamsService streams,
      StreamAppContext context,
      ServiceHttp http,
      PrometheusMeterRegistry metrics) {
    List<AutoCloseable> order = new ArrayList<>();
    if (streams != null) {
      order.add(streams);
    }
    if (context != null) {
      order.addAll(context.resources());
    }
    if (http != null) {
      order.add(http);
    }
    order.add(metrics::close);
    return order;
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

  /** Stops the app once; later calls (a shutdown hook after an explicit close) do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeAll(closeOrder);
    }
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
