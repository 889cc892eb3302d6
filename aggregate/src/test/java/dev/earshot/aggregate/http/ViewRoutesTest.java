package dev.earshot.aggregate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.WindowSpec;
import dev.earshot.aggregate.query.AlertQueries;
import dev.earshot.aggregate.query.PeerClient;
import dev.earshot.aggregate.query.ViewQueries;
import dev.earshot.schemas.views.WindowSize;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP layer on a real Javalin (port 0). The queries sit on a KafkaStreams that is never
 * started (state CREATED), so every request that passes the parameter checks comes back 503; a 400
 * proves the check fired before any query, and names the field.
 */
class ViewRoutesTest {
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
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "view-routes-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in").to("out");
    streams = new KafkaStreams(builder.build(), props);
    metrics = Metrics.newRegistry("aggregate-test");
    http = new ServiceHttp("127.0.0.1", 0, metrics, () -> true, Map::of);
    ViewSettings settings =
        ViewSettings.uniform(
            List.of(
                new WindowSpec(WindowSize.parse("1m"), Duration.ZERO, Duration.ofDays(1)),
                new WindowSpec(WindowSize.parse("1h"), Duration.ZERO, Duration.ofDays(1)),
                new WindowSpec(WindowSize.parse("1d"), Duration.ZERO, Duration.ofDays(2))),
            Duration.ofSeconds(1));
    new ViewRoutes(
            new ViewQueries(
                streams, new HostInfo("self", 0), new PeerClient(Duration.ofSeconds(1))),
            settings,
            Clock.fixed(NOW, ZoneOffset.UTC),
            metrics)
        .register(http.app());
    new ShareOfVoiceRoutes(
            new ViewQueries(
                streams, new HostInfo("self", 0), new PeerClient(Duration.ofSeconds(1))),
            settings,
            Clock.fixed(NOW, ZoneOffset.UTC),
            "acme")
        .register(http.app());
    new AlertRoutes(
            new AlertQueries(
                streams, new HostInfo("self", 0), new PeerClient(Duration.ofSeconds(1))),
            Clock.fixed(NOW, ZoneOffset.UTC))
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

  private static double rejected(String field) {
    Counter c = metrics.find("earshot.http.rejected").tag("field", field).counter();
    return c == null ? 0 : c.count();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/views/brands/cells, view",
    "/api/v1/views/audience-topic/cells/Newlyweds/rewards, audience",
    "/api/v1/views/audience-topic/cells/newlyweds/re%7Cwards, topic",
    "/api/v1/views/audience-topic/cells/newlyweds, view",
    "/api/v1/views/brand/cells/acme/fees, view",
    "/api/v1/views/brand/cells?from=yesterday, from",
    "/api/v1/views/brand/cells?to=2026-13-01, to",
    "/api/v1/views/brand/cells?from=2026-11-17&to=2026-11-16, to",
    "/api/v1/views/brand/cells?from=2026-11-16T08:00:00Z&to=2026-11-16T08:00:00Z, to",
    "/api/v1/views/brand/cells?interval=1w, interval",
    "/api/v1/views/brand/cells?interval=15m, interval",
    "/api/v1/views/brand/cells?limit=0, limit",
    "/api/v1/views/brand/cells?limit=1001, limit",
    "/api/v1/views/brand/cells?offset=-1, offset",
    "/api/v1/views/brand/cells?rank=loudest, rank",
    "/api/v1/views/brand/cells?brand=Acme, brand",
    "/api/v1/views/brand/cells/acme?fill=ones, fill",
    "/api/v1/views/brand/cells/acme?fill=zero&interval=1m&from=2026-01-01, fill",
    "/api/v1/views/brand/partials?cell=nothing, cell",
    "/api/v1/share-of-voice?by=department, by",
    "/api/v1/share-of-voice?interval=2h, interval",
    "/api/v1/share-of-voice?from=last-week, from",
    "/api/v1/alerts?severity=loud, severity",
    "/api/v1/alerts?from=2026-11-20&to=2026-11-19, to",
  })
  void aBadParameterIs400NamingTheFieldAndCounted(String path, String field) throws Exception {
    double before = rejected(field);

    HttpResponse<String> r = get(path);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.path("field").asText()).isEqualTo(field);
    assertThat(body.path("error").asText()).isNotBlank();
    assertThat(rejected(field)).isEqualTo(before + 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/views/brand/cells",
        "/api/v1/views/brand-topic/cells?from=2026-11-16&to=2026-11-21&rank=negative_share",
        "/api/v1/views/brand/cells?from=1763251200000&to=1763683200000&brand=acme",
        "/api/v1/views/audience-topic/cells/newlyweds/card-consolidation?fill=zero",
        "/api/v1/views/stage-brand/cells/unassigned/acme?interval=1m&from=2026-11-16T10:00:00Z",
        "/api/v1/views/brand/partials?interval=1h&cell=brand%7Cacme",
        "/api/v1/views/topic/cells?rank=growth&from=2026-11-19&to=2026-11-20",
        "/api/v1/views/topic/cells?rank=growth&from=0&to=2026-11-20",
        "/api/v1/share-of-voice",
        "/api/v1/share-of-voice?by=audience&from=2026-11-16&to=2026-11-21",
        "/api/v1/share-of-voice?by=all&interval=1h",
        "/api/v1/alerts",
        "/api/v1/alerts?severity=critical&from=2026-11-16&to=2026-11-21",
        "/api/v1/alerts/local?from=1763251200000",
      })
  void aGoodQueryReachesTheStoresWhichAnswer503WithRetryAfterWhileNotRunning(String path)
      throws Exception {
    HttpResponse<String> r = get(path);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).contains("5");
    assertThat(Json.MAPPER.readTree(r.body()).path("error").asText()).contains("CREATED");
  }

  @Test
  void theCatalogueListsEveryViewWithItsDimensionsAndWindows() throws Exception {
    HttpResponse<String> r = get("/api/v1/views");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode views = Json.MAPPER.readTree(r.body()).path("views");
    assertThat(views).hasSize(7);
    JsonNode first = views.get(0);
    assertThat(first.path("view").asText()).isEqualTo("audience-topic");
    assertThat(first.path("dimensions").toString()).isEqualTo("[\"audience\",\"topic\"]");
    assertThat(first.path("windows").get(2).path("interval").asText()).isEqualTo("1d");
  }

  @Test
  void theDefaultIntervalIsTheLargestSizeTheRangeHoldsTwice() {
    List<WindowSize> sizes =
        List.of(WindowSize.parse("1m"), WindowSize.parse("1h"), WindowSize.parse("1d"));
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-21T00:00:00Z")).isEqualTo("1d");
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z")).isEqualTo("1h");
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-16T01:00:00Z")).isEqualTo("1m");
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-16T00:01:00Z")).isEqualTo("1m");
  }

  private static String interval(List<WindowSize> sizes, String from, String to) {
    QueryParams.Range range = new QueryParams.Range(Instant.parse(from), Instant.parse(to));
    return QueryParams.defaultInterval(sizes, range).token();
  }
}
