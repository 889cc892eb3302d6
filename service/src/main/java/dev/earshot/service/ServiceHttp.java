package dev.earshot.service;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Every service's HTTP face: {@code /health} (the process is alive), {@code /ready} (it is doing
 * its job; 503 otherwise), {@code /metrics} (Prometheus text format). Services add their own routes
 * to {@link #app()} before {@link #start}.
 */
public final class ServiceHttp implements AutoCloseable {
  private final Javalin app;
  private final String host;
  private final int port;

  public ServiceHttp(
      String host,
      int port,
      PrometheusMeterRegistry metrics,
      BooleanSupplier ready,
      Supplier<Map<String, Object>> status) {
    this.host = host;
    this.port = port;
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            });
    // A failure nobody planned for: 500 as JSON, and one log line (no stack trace) at most every
    // ten seconds however many requests hit it.
    QuietLog failures =
        new QuietLog(LoggerFactory.getLogger(ServiceHttp.class), Duration.ofSeconds(10));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          failures.warn(ctx.method() + " " + ctx.path() + " failed", e);
          ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        });
    app.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    app.get(
        "/ready",
        ctx -> {
          boolean ok = ready.getAsBoolean();
          ctx.status(ok ? 200 : 503).json(status.get());
        });
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  public Javalin app() {
    return app;
  }

  /** Binds the port; a taken port fails here with the port named. */
  public ServiceHttp start() {
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + " (is the port taken?): " + e.getMessage(), e);
    }
    return this;
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return "http://" + host + ":" + port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
