package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens, roles, the per-client rate limit and TLS on a service's HTTP face. */
class ApiSecurityTest {
  private static final String INGEST_TOKEN = "ingest-token-0123456789";
  private static final String QUERY_TOKEN = "query-token-0123456789";

  @TempDir Path dir;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics =
      Metrics.newRegistry("testsvc");
  private ServiceHttp http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
  }

  private Path tokens() throws IOException {
    Path file = dir.resolve("tokens");
    Files.writeString(
        file,
        "# name roles token\n"
            + "crawler ingest "
            + INGEST_TOKEN
            + "\n"
            + "grafana query sha256:"
            + ApiTokens.sha256(QUERY_TOKEN)
            + "\n");
    return file;
  }

  private ServiceHttp start(HttpSettings settings, Consumer<ServiceHttp> routes) {
    http = new ServiceHttp(settings, metrics, () -> true, Map::of);
    routes.accept(http);
    return http.start();
  }

  private ServiceHttp withTokens(double perSecond, double burst) throws IOException {
    return start(
        new HttpSettings(
            "127.0.0.1", 0, ApiTokens.load(tokens()), new RateLimiter(perSecond, burst), null),
        h -> {
          h.protect("/api/v1/posts", "ingest");
          h.routes(r -> r.get("/api/v1/posts", ctx -> ctx.result("ok")));
        });
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(http.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void noTokenIs401WithTheChallengeAndNamesTheHeader() throws Exception {
    withTokens(0, 1);

    HttpResponse<String> r = get("/api/v1/posts", null);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(r.body()).contains("\"field\":\"Authorization\"");
  }

  @Test
  void anUnknownTokenIs401() throws Exception {
    withTokens(0, 1);

    assertThat(get("/api/v1/posts", "not-a-token").statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheRoleIs403() throws Exception {
    withTokens(0, 1);

    HttpResponse<String> r = get("/api/v1/posts", QUERY_TOKEN);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("grafana").contains("ingest");
  }

  @Test
  void aTokenWithTheRoleIsLetThroughAndHealthStaysOpen() throws Exception {
    withTokens(0, 1);

    assertThat(get("/api/v1/posts", INGEST_TOKEN).statusCode()).isEqualTo(200);
    assertThat(get("/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aClientOverItsRateGets429WithRetryAfterAndOthersDoNot() throws Exception {
    Path file = dir.resolve("two");
    Files.writeString(file, "a ingest token-a-0123456789\nb ingest token-b-0123456789\n");
    start(
        new HttpSettings("127.0.0.1", 0, ApiTokens.load(file), new RateLimiter(0.01, 2), null),
        h -> {
          h.protect("/api", "ingest");
          h.routes(r -> r.get("/api/x", ctx -> ctx.result("ok")));
        });

    assertThat(get("/api/x", "token-a-0123456789").statusCode()).isEqualTo(200);
    assertThat(get("/api/x", "token-a-0123456789").statusCode()).isEqualTo(200);
    HttpResponse<String> limited = get("/api/x", "token-a-0123456789");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(get("/api/x", "token-b-0123456789").statusCode()).isEqualTo(200);
    assertThat(metrics.scrape()).contains("earshot_http_refused_total{reason=\"rate_limited\"");
  }

  @Test
  void anotherInstanceWithThePeerRoleIsNotRateLimitedButStillNeedsTheRouteRole() throws Exception {
    Path file = dir.resolve("peers");
    Files.writeString(
        file,
        "grafana query token-q-0123456789\n"
            + "aggregate query,"
            + ApiTokens.PEER
            + " token-p-0123456789\n"
            + "stranger "
            + ApiTokens.PEER
            + " token-s-0123456789\n");
    start(
        new HttpSettings("127.0.0.1", 0, ApiTokens.load(file), new RateLimiter(0.01, 1), null),
        h -> {
          h.protect("/api", "query");
          h.routes(r -> r.get("/api/x", ctx -> ctx.result("ok")));
        });

    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/x", "token-p-0123456789").statusCode()).isEqualTo(200);
    }
    assertThat(get("/api/x", "token-q-0123456789").statusCode()).isEqualTo(200);
    assertThat(get("/api/x", "token-q-0123456789").statusCode()).isEqualTo(429);
    assertThat(get("/api/x", "token-s-0123456789").statusCode()).isEqualTo(403);
  }

  @Test
  void withoutATokenFileTheRateLimitIsPerAddress() throws Exception {
    start(
        new HttpSettings("127.0.0.1", 0, ApiTokens.open(), new RateLimiter(0.01, 1), null),
        h -> {
          h.protect("/api", "query");
          h.routes(r -> r.get("/api/x", ctx -> ctx.result("ok")));
        });

    assertThat(get("/api/x", null).statusCode()).isEqualTo(200);
    assertThat(get("/api/x", null).statusCode()).isEqualTo(429);
  }

  @Test
  void withAKeyStoreTheServiceSpeaksHttpsOnly() throws Exception {
    TestCertificates.make(dir);
    start(
        new HttpSettings(
            "127.0.0.1",
            0,
            ApiTokens.open(),
            new RateLimiter(0, 1),
            new HttpSettings.Tls(dir.resolve("server.p12"), TestCertificates.PASSWORD, "PKCS12")),
        h -> {});
    HttpClient trusting =
        HttpClient.newBuilder()
            .sslContext(
                dev.earshot.schemas.registry.TrustStores.sslContext(
                    dir.resolve("trust.p12"), TestCertificates.PASSWORD, "PKCS12"))
            .build();

    assertThat(http.baseUrl()).startsWith("https://127.0.0.1:");
    // One connector, the TLS one: no plain HTTP port left open beside it.
    assertThat(http.app().jettyServer().server().getConnectors()).hasSize(1);
    HttpResponse<String> r =
        trusting.send(
            HttpRequest.newBuilder(URI.create(http.baseUrl() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    String plain = http.baseUrl().replace("https://", "http://");
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(URI.create(plain + "/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aMalformedOrDuplicatedTokenFileIsRefusedAtStart() throws Exception {
    Path bad = dir.resolve("bad");
    Files.writeString(bad, "only-two fields\n");
    Path twice = dir.resolve("twice");
    Files.writeString(twice, "a query same-token-012345\nb ingest same-token-012345\n");
    Path empty = dir.resolve("empty");
    Files.writeString(empty, "# nothing\n");

    assertThatThrownBy(() -> ApiTokens.load(bad)).hasMessageContaining(":1:");
    assertThatThrownBy(() -> ApiTokens.load(twice)).hasMessageContaining("twice");
    assertThatThrownBy(() -> ApiTokens.load(empty)).hasMessageContaining("no token");
  }
}
