package dev.earshot.aggregate.http;

import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.WindowSpec;
import dev.earshot.aggregate.query.AlertQueries;
import dev.earshot.aggregate.query.PeerClient;
import dev.earshot.aggregate.query.ViewQueries;
import dev.earshot.schemas.views.WindowSize;
import dev.earshot.service.Metrics;
import dev.earshot.service.ServiceHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

/**
 * The whole query API ({@link AggregateApi}) on a real Javalin (port 0). The queries sit on a
 * KafkaStreams that is never started (state CREATED), so every request that passes the parameter
 * checks comes back 503; a 400 proves the check fired before any query, and names the field.
 */
abstract class ApiTestServer {
  static final Instant NOW = Instant.parse("2026-11-16T12:00:00Z");
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static PrometheusMeterRegistry metrics;
  static KafkaStreams streams;
  static ServiceHttp http;
  private static Path stateDir;

  @BeforeAll
  static void start() throws IOException {
    stateDir = Files.createTempDirectory("api-test");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "api-test");
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
    HostInfo self = new HostInfo("self", 0);
    PeerClient peers = new PeerClient(Duration.ofSeconds(1));
    http.routes(
        routes ->
            AggregateApi.register(
                routes,
                new ViewQueries(streams, self, peers),
                new AlertQueries(streams, self, peers),
                settings,
                Clock.fixed(NOW, ZoneOffset.UTC),
                metrics,
                "acme"));
    http.start();
  }

  @AfterAll
  static void stop() {
    http.close();
    streams.close(Duration.ofSeconds(5));
  }

  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(http.baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static double rejected(String field) {
    Counter c = metrics.find("earshot.http.rejected").tag("field", field).counter();
    return c == null ? 0 : c.count();
  }
}
