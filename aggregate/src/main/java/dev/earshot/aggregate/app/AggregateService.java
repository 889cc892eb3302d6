package dev.earshot.aggregate.app;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.PostMetrics;
import dev.earshot.aggregate.ViewSerdes;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.aggregate.http.AggregateApi;
import dev.earshot.aggregate.query.AlertQueries;
import dev.earshot.aggregate.query.PeerClient;
import dev.earshot.aggregate.query.ViewQueries;
import dev.earshot.schemas.Stage;
import dev.earshot.service.HttpSettings;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.ServiceHttp;
import dev.earshot.service.ServiceMain;
import dev.earshot.service.StreamApp;
import dev.earshot.service.StreamAppContext;
import dev.earshot.service.StreamAppRunner;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/** The aggregate app as a service: windowed counts, and the query API over them. */
public final class AggregateService implements StreamApp {
  /** The key naming the listening team's own brand, marked in share of voice. */
  public static final String OWN_BRAND = "listening.own.brand";

  @Override
  public Stage stage() {
    return Stage.AGGREGATE;
  }

  @Override
  public Topology topology(StreamAppContext context) {
    ServiceConfig config = context.config();
    // Lets every instance find which instance owns a key, to forward queries to it.
    HostInfo self = advertised(config, context.http());
    context
        .streamsProperties()
        .put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    ViewSettings views = settings(config);
    return AggregateTopology.build(
        context.topics().enrichedPosts(),
        ViewSerdes.of(context.topics()),
        views,
        AlertSettings.read(config::get, views::sizes),
        new PostMetrics(context.metrics(), Clock.systemUTC()));
  }

  static ViewSettings settings(ServiceConfig config) {
    return ViewSettings.read(config::get);
  }

  /** Queries read the window stores, which cannot answer while their partitions move. */
  @Override
  public boolean readyWhileRebalancing() {
    return false;
  }

  @Override
  public void routes(StreamAppContext context, KafkaStreams streams, ServiceHttp http) {
    HttpSettings settings = context.http();
    HostInfo self = advertised(context.config(), settings);
    PeerClient peers = PeerClient.from(context.config(), settings.tls() != null);
    for (String path : AggregateApi.PROTECTED) {
      http.protect(path, "query");
    }
    http.routes(
        routes ->
            AggregateApi.register(
                routes,
                new ViewQueries(streams, self, peers),
                new AlertQueries(streams, self, peers),
                settings(context.config()),
                Clock.systemUTC(),
                context.metrics(),
                ownBrand(context.config())));
  }

  /** The listening team's own brand, as the taxonomy marks it ({@code own: true}), or null. */
  static String ownBrand(ServiceConfig config) {
    String brand = config.get(OWN_BRAND, "").strip();
    return brand.isEmpty() ? null : brand;
  }

  /**
   * Where the other instances reach this one: {@code kafka.application.server} when set, else
   * {@code http.advertised.host} (default: the bind address {@code http.host}) and {@code
   * http.port}. The same endpoint is announced to Kafka Streams and used to recognise this
   * instance's own keys, so binding 0.0.0.0 while announcing a pod's DNS name works, and an
   * instance never forwards a query to itself.
   */
  static HostInfo advertised(ServiceConfig config, HttpSettings http) {
    String server =
        config.get(ServiceConfig.KAFKA_PREFIX + StreamsConfig.APPLICATION_SERVER_CONFIG, null);
    if (server != null && !server.isBlank()) {
      return HostInfo.buildFromEndpoint(server.strip());
    }
    return new HostInfo(config.get("http.advertised.host", http.host()), http.port());
  }

  /** Starts the aggregate app on this configuration (the local stack and the tests use it). */
  public static StreamAppRunner start(ServiceConfig config) {
    return StreamAppRunner.start(new AggregateService(), config);
  }

  public static void main(String[] args) {
    ServiceMain.run(
        new AggregateService(),
        "Counts posts.enriched in event-time windows and answers queries (Kafka Streams).",
        args);
  }
}
