package dev.earshot.aggregate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.earshot.aggregate.query.AudienceTopicQueries;
import dev.earshot.service.Json;
import dev.earshot.service.Metrics;
import dev.earshot.service.ServiceHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP layer on a real Javalin (port 0). The queries sit on a KafkaStreams that is never
 * started (state CREATED), so every request that passes the parameter checks must come back 503; a
 * 400 proves the check fired before any query.
 */
class QueryRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-16T12:00:00Z");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path stateDir;

  private static PrometheusMeterRegistry metrics;
  private static KafkaStreams streams;
  private static ServiceHttp http;

  @BeforeAll
  static void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-routes-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    streams = new KafkaStreams(builder.build(), props);
    metrics = Metrics.newRegistry("aggregate-test");
    http = new ServiceHttp("127.0.0.1", 0, metrics, () -> true, Map::of);
    new QueryRoutes(
            new AudienceTopicQueries(
                streams,
                new org.apache.kafka.streams.state.HostInfo("self", 0),
                new dev.earshot.aggregate.query.PeerClient(java.time.Duration.ofSeconds(1))),
            Clock.fixed(NOW, ZoneOffset.UTC),
            metrics)
        .register(http.app());
    http.start();
  }

  @AfterAll
  static void stop() {
    http.close();
    streams.close(Duration.ofSeconds(5));
  }

  private static HttpResponse<String> get(String pathAndQuery)
      throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(http.baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
  }

  private static double rejected(String field) {
    Counter c = metrics.find("earshot.http.rejected").tag("field", field).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void audienceThatIsNotALabelIs400NamingTheField() throws Exception {
    double before = rejected("audience");

    HttpResponse<String> r = get("/api/v1/audience-topics/Newlyweds/rewards");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r))
        .containsEntry("field", "audience")
        .extractingByKey("error")
        .asString()
        .contains("'Newlyweds'");
    assertThat(rejected("audience")).isEqualTo(before + 1);
  }

  @Test
  void topicThatIsNotALabelIs400NamingTheField() throws Exception {
    HttpResponse<String> r = get("/api/v1/audience-topics/newlyweds/re%7Cwards");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r)).containsEntry("field", "topic");
  }

  @Test
  void fromThatIsNeitherInstantNorDateIs400() throws Exception {
    HttpResponse<String> r = get("/api/v1/audience-topics?from=yesterday");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r))
        .containsEntry("field", "from")
        .extractingByKey("error")
        .asString()
        .contains("ISO-8601");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "from=-999999999-01-01T00:00:00Z",
        "from=1969-12-31T23:59:59Z",
        "from=2026-11-16&to=%2B1000000000-01-01T00:00:00Z"
      })
  void instantOutsideWhatAWindowStoreCanHoldIs400NotARetryableError(String query) throws Exception {
    HttpResponse<String> r = get("/api/v1/audience-topics?" + query);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("error").toString()).contains("must be between");
  }

  @Test
  void invalidCalendarDateIs400() throws Exception {
    HttpResponse<String> r = get("/api/v1/audience-topics/newlyweds/rewards?to=2026-13-01");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r)).containsEntry("field", "to");
  }

  @Test
  void toNotAfterFromIs400OnTo() throws Exception {
    HttpResponse<String> equal =
        get("/api/v1/audience-topics?from=2026-11-16T08:00:00Z&to=2026-11-16T08:00:00Z");
    HttpResponse<String> before = get("/api/v1/audience-topics?from=2026-11-17&to=2026-11-16");

    assertThat(equal.statusCode()).isEqualTo(400);
    assertThat(json(equal)).containsEntry("field", "to");
    assertThat(before.statusCode()).isEqualTo(400);
  }

  @Test
  void fromAfterTheDefaultToOfNowIs400() throws Exception {
    HttpResponse<String> r = get("/api/v1/audience-topics?from=2026-11-17");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r)).containsEntry("field", "to");
  }

  @Test
  void validRequestWhileStreamsIsNotRunningIs503WithRetryAfter() throws Exception {
    HttpResponse<String> r = get("/api/v1/audience-topics/newlyweds/rewards");

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(json(r)).extractingByKey("error").asString().contains("CREATED");
  }

  @Test
  void datesAndInstantsAreBothAcceptedAsRange() throws Exception {
    assertThat(get("/api/v1/audience-topics?from=2026-11-01&to=2026-11-16").statusCode())
        .isEqualTo(503);
    assertThat(
            get("/api/v1/audience-topics?from=2026-11-01T00:00:00Z&to=2026-11-16T08:00:00Z")
                .statusCode())
        .isEqualTo(503);
    assertThat(get("/api/v1/audience-topics/unassigned/unassigned?from=2026-11-01").statusCode())
        .isEqualTo(503);
  }
}
