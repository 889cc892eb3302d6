package dev.earshot.service;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Every service's HTTP face: {@code /health} (the process can still do its job; 503 when it cannot
 * without a restart), {@code /ready} (it is doing its job now; 503 otherwise), {@code /metrics}
 * (Prometheus text format). Services add their own routes with {@link #routes} before {@link
 * #start}.
 */
public final class ServiceHttp implements AutoCloseable {
  private final HttpSettings settings;
  private final PrometheusMeterRegistry metrics;
  private final BooleanSupplier ready;
  private final Supplier<Map<String, Object>> status;
  private final List<Consumer<RoutesConfig>> serviceRoutes = new ArrayList<>();
  private volatile Javalin app;
  private final Map<String, String> roleByPathPrefix = new LinkedHashMap<>();
  private volatile BooleanSupplier alive = () -> true;

  /** The request timers by route, method and status. */
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  public ServiceHttp(
      String host,
      int port,
      PrometheusMeterRegistry metrics,
      BooleanSupplier ready,
      Supplier<Map<String, Object>> status) {
    this(HttpSettings.open(host, port), metrics, ready, status);
  }

  public ServiceHttp(
      HttpSettings settings,
      PrometheusMeterRegistry metrics,
      BooleanSupplier ready,
      Supplier<Map<String, Object>> status) {
    this.settings = settings;
    this.metrics = metrics;
    this.ready = ready;
    this.status = status;
  }

  /**
   * Adds a service's own routes (and exception handlers). Javalin 7 takes every route when the
   * server is created, so they are kept here and handed over in {@link #start}.
   */
  public ServiceHttp routes(Consumer<RoutesConfig> routes) {
    if (app != null) {
      throw new IllegalStateException("routes must be added before start()");
    }
    serviceRoutes.add(routes);
    return this;
  }

  private void configure(JavalinConfig cfg) {
    cfg.startup.showJavalinBanner = false;
    // The server starts right after it is created: no need for the thread that would warn of one
    // created and never started.
    cfg.startup.startupWatcherEnabled = false;
    cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    if (settings.tls() != null) {
      cfg.jetty.addConnector((server, http) -> Tls.connector(server, http, settings));
    } else {
      cfg.jetty.host = settings.host();
      cfg.jetty.port = settings.port();
    }
    cfg.requestLogger.http(this::timed);
    RoutesConfig routes = cfg.routes;
    routes.exception(ApiRefused.class, this::refused);
    routes.before(this::admit);
    // A failure nobody planned for: 500 as JSON, and one log line (no stack trace) at most every
    // ten seconds however many requests hit it.
    QuietLog failures =
        new QuietLog(LoggerFactory.getLogger(ServiceHttp.class), Duration.ofSeconds(10));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          failures.warn(ctx.method() + " " + ctx.path() + " failed", e);
          ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        });
    routes.get(
        "/health",
        ctx -> {
          boolean up = alive.getAsBoolean();
          ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
        });
    routes.get(
        "/ready",
        ctx -> {
          boolean ok = ready.getAsBoolean();
          ctx.status(ok ? 200 : 503).json(status.get());
        });
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    for (Consumer<RoutesConfig> added : serviceRoutes) {
      added.accept(routes);
    }
  }

  /**
   * Every answer timed by route: the path template (one series per route, not per cell asked), so a
   * slow kind of query shows apart from the rest.
   */
  private void timed(Context ctx, Float millis) {
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    String route = endpoint == null ? "none" : endpoint.path;
    String method = ctx.method().name();
    String status = Integer.toString(ctx.statusCode());
    // Looked up once per route, method and status: building and registering a timer with its
    // buckets on every request would cost more than recording into it.
    timers
        .computeIfAbsent(
            List.of(route, method, status),
            k ->
                EarshotTimer.HTTP_REQUEST.in(
                    metrics, "route", route, "method", method, "status", status))
        .record(Duration.ofNanos((long) (millis * 1_000_000)));
  }

  private void refused(ApiRefused e, Context ctx) {
    EarshotCounter.HTTP_REFUSED.in(metrics, "reason", e.reason()).increment();
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    if (e.status() == 429) {
      ctx.header("Retry-After", "1");
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    body.put("field", e.status() == 429 ? "$" : "Authorization");
    ctx.status(e.status()).json(body);
  }

  /**
   * What {@code /health} answers: 200 while {@code alive} holds, else 503, so that a liveness probe
   * restarts an instance that cannot recover by itself (by default: always alive).
   */
  public ServiceHttp liveness(BooleanSupplier alive) {
    this.alive = alive;
    return this;
  }

  /** The running server (null before {@link #start}), for tests that look at its innards. */
  public Javalin app() {
    return app;
  }

  /**
   * Requests under {@code pathPrefix} need a token with {@code role} (when the service has a token
   * file), and count against the caller's rate limit. Health, readiness and metrics stay open.
   */
  public ServiceHttp protect(String pathPrefix, String role) {
    roleByPathPrefix.put(pathPrefix, role);
    return this;
  }

  private void admit(Context ctx) {
    String role = null;
    for (Map.Entry<String, String> e : roleByPathPrefix.entrySet()) {
      if (ctx.path().startsWith(e.getKey())) {
        role = e.getValue();
      }
    }
    if (role == null) {
      return;
    }
    String client = ctx.ip();
    if (settings.tokens().required()) {
      String header = ctx.header("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new ApiRefused(401, "unauthenticated", "a bearer token is required");
      }
      ApiTokens.Client caller =
          settings
              .tokens()
              .find(header.substring(7).strip())
              .orElseThrow(() -> new ApiRefused(401, "unauthenticated", "unknown token"));
      if (!caller.roles().contains(role)) {
        throw new ApiRefused(
            403, "forbidden", "client '" + caller.name() + "' lacks the role '" + role + "'");
      }
      client = caller.name();
      if (caller.roles().contains(ApiTokens.PEER)) {
        // another instance asking on behalf of a client that its own limit already charged
        return;
      }
    }
    if (!settings.limiter().tryAcquire(client)) {
      throw new ApiRefused(429, "rate_limited", "too many requests from " + client);
    }
  }

  /** A request refused before its handler: 401, 403 or 429. */
  private static final class ApiRefused extends RuntimeException {
    private final int status;
    private final String reason;

    ApiRefused(int status, String reason, String message) {
      super(message, null, false, false);
      this.status = status;
      this.reason = reason;
    }

    int status() {
      return status;
    }

    String reason() {
      return reason;
    }
  }

  /** Binds the port; a taken port fails here with the port named. */
  public ServiceHttp start() {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    try {
      app = Javalin.create(this::configure);
      app.start(); // the TLS connector, or the host and port set in configure, say where
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " (is the port taken?): "
              + e.getMessage(),
          e);
    }
    return this;
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return (settings.tls() != null ? "https://" : "http://") + settings.host() + ":" + port();
  }

  @Override
  public void close() {
    Javalin running = app;
    if (running != null) {
      running.stop();
    }
  }
}
