package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.earshot.schemas.Stage;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceHttpTest {
  private static final String HOST = "127.0.0.1";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final PrometheusMeterRegistry metrics = Metrics.newRegistry("testsvc");
  private final AtomicBoolean ready = new AtomicBoolean();
  private ServiceHttp http;

  @BeforeEach
  void start() {
    http =
        new ServiceHttp(
                HOST,
                0,
                metrics,
                ready::get,
                () ->
                    Map.of("service", "testsvc", "state", ready.get() ? "RUNNING" : "REBALANCING"))
            .start();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(String body) throws IOException {
    return Json.MAPPER.readValue(body, new TypeReference<Map<String, Object>>() {});
  }

  @Test
  void shouldBindAnEphemeralPortWhenConfiguredWithZero() {
    assertThat(http.port()).isPositive();
    assertThat(http.baseUrl()).isEqualTo("http://" + HOST + ":" + http.port());
  }

  @Test
  void shouldTimeEveryAnswerByRouteMethodAndStatus() throws Exception {
    get("/health");
    get("/health");
    get("/no/such/route");

    String histogram = EarshotTimer.HTTP_REQUEST.prometheusName();
    assertThat(
            metrics
                .get(EarshotTimer.HTTP_REQUEST.meterName())
                .tags("route", "/health", "method", "GET", "status", "200")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            metrics
                .get(EarshotTimer.HTTP_REQUEST.meterName())
                .tags("route", "none", "status", "404")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(metrics.scrape()).contains(histogram + "_bucket{");
  }

  @Test
  void shouldAnswerHealthWith200() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body())).containsEntry("status", "UP");
  }

  @Test
  void shouldAnswerHealthWith503WhenTheServiceCannotRecover() throws Exception {
    AtomicBoolean alive = new AtomicBoolean(true);
    http.liveness(alive::get);
    alive.set(false);

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response.body())).containsEntry("status", "DOWN");
    alive.set(true);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerReadyWith200AndTheStatusWhenReady() throws Exception {
    ready.set(true);

    HttpResponse<String> response = get("/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body())).isEqualTo(Map.of("service", "testsvc", "state", "RUNNING"));
  }

  @Test
  void shouldAnswerReadyWith503AndTheStatusWhenNotReady() throws Exception {
    ready.set(false);

    HttpResponse<String> response = get("/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response.body()))
        .isEqualTo(Map.of("service", "testsvc", "state", "REBALANCING"));
  }

  @Test
  void shouldFollowReadinessAsItChanges() throws Exception {
    ready.set(false);
    assertThat(get("/ready").statusCode()).isEqualTo(503);

    ready.set(true);
    assertThat(get("/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServePrometheusTextWithAnIncrementedCounter() throws Exception {
    metrics.counter("earshot.test.hits").increment(3);
    Metrics.countDeadLetter(metrics, Stage.ENRICH, "deserialization");

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body())
        .contains("# TYPE earshot_test_hits_total counter")
        .containsPattern("(?m)^earshot_test_hits_total\\{service=\"testsvc\"} 3\\.0$")
        .containsPattern(
            "(?m)^earshot_dead_letters_total\\{reason=\"deserialization\",service=\"testsvc\","
                + "stage=\"enrich\"} 1\\.0$");
  }

  @Test
  void shouldGzipALargeAnswerWhenTheClientAcceptsIt() throws Exception {
    for (int i = 0; i < 200; i++) {
      metrics.counter("earshot.test.many", "n", Integer.toString(i)).increment();
    }

    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(http.baseUrl() + "/metrics"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("earshot_test_many_total{n=\"199\"");
    }
  }

  @Test
  void shouldLetAServiceAddItsOwnRoutes() throws Exception {
    try (ServiceHttp other = new ServiceHttp(HOST, 0, metrics, () -> true, Map::of)) {
      other.routes(r -> r.get("/api/v1/ping", ctx -> ctx.result("pong")));
      other.start();

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(other.baseUrl() + "/api/v1/ping")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("pong");
    }
  }

  @Test
  void shouldNameThePortWhenItIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
      int port = taken.getLocalPort();
      ServiceHttp second = new ServiceHttp(HOST, port, metrics, () -> true, Map::of);
      try {
        assertThatThrownBy(second::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(HOST + ":" + port);
      } finally {
        second.close();
      }
    }
  }

  @Test
  void anUnplannedFailureIs500AsJsonWithoutTheStackTrace() throws Exception {
    ServiceHttp failing = new ServiceHttp(HOST, 0, metrics, () -> true, Map::of);
    failing.routes(
        r ->
            r.get(
                "/boom",
                ctx -> {
                  throw new IllegalStateException("secret internals");
                }));
    failing.start();
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(failing.baseUrl() + "/boom")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(json(r.body())).containsEntry("error", "internal error: IllegalStateException");
      assertThat(r.body()).doesNotContain("secret internals").doesNotContain("at dev.earshot");
    } finally {
      failing.close();
    }
  }
}
