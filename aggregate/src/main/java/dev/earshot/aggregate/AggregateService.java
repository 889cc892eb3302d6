package dev.earshot.aggregate;

import dev.earshot.aggregate.http.QueryRoutes;
import dev.earshot.aggregate.query.AudienceTopicQueries;
import dev.earshot.aggregate.query.PeerClient;
import dev.earshot.avro.PostSentiment;
import dev.earshot.avro.SentimentCounts;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Stage;
import dev.earshot.service.HttpSettings;
import dev.earshot.service.Metrics;
import dev.earshot.service.Registry;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.ServiceHttp;
import dev.earshot.service.StreamsService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The aggregate app as a running service: Kafka Streams, the query API, health and metrics. */
public final class AggregateService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AggregateService.class);

  private final StreamsService streams;
  private final ServiceHttp http;

  private AggregateService(StreamsService streams, ServiceHttp http) {
    this.streams = streams;
    this.http = http;
  }

  public static AggregateService start(ServiceConfig config) {
    PrometheusMeterRegistry metrics = Metrics.newRegistry("aggregate");
    PipelineTopics topics = Registry.topics(config);
    AggregateTopology.Settings settings =
        new AggregateTopology.Settings(
            Duration.parse(config.get("aggregate.grace")),
            Duration.parse(config.get("aggregate.retention")));
    Topology topology =
        AggregateTopology.build(
            topics.enrichedPosts(),
            topics.audienceTopicHourly(),
            topics.avro(PostSentiment.class),
            topics.avro(SentimentCounts.class),
            settings);
    HttpSettings httpSettings = HttpSettings.from(config);
    String host = httpSettings.host();
    int port = httpSettings.port();
    Properties props = StreamsService.properties(config, Stage.AGGREGATE, metrics);
    // Lets every instance find which instance owns a key, to forward queries to it.
    props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, host + ":" + port);
    StreamsService streams = new StreamsService("aggregate", topology, props, metrics);
    ServiceHttp http =
        new ServiceHttp(httpSettings, metrics, streams::isRunning, streams::status)
            .protect(AudienceTopicQueries.PATH, "query");
    new QueryRoutes(
            new AudienceTopicQueries(
                streams.streams(),
                new HostInfo(host, port),
                PeerClient.from(config, httpSettings.tls() != null)),
            Clock.systemUTC(),
            metrics)
        .register(http.app());
    http.start();
    streams.start();
    return new AggregateService(streams, http);
  }

  public String baseUrl() {
    return http.baseUrl();
  }

  public boolean isRunning() {
    return streams.isRunning();
  }

  @Override
  public void close() {
    streams.close();
    http.close();
  }

  /** Runs the aggregate app; the optional argument is a properties file. */
  public static void main(String[] args) {
    ServiceConfig config =
        ServiceConfig.load(
            "aggregate", args.length > 0 ? Path.of(args[0]) : null, System.getenv(), Map.of());
    AggregateService service = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "aggregate-shutdown"));
    log.info("aggregate running; queries at {}/api/v1/audience-topics", service.baseUrl());
  }
}
