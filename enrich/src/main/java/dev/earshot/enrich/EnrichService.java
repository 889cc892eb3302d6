package dev.earshot.enrich;

import dev.earshot.labels.Enricher;
import dev.earshot.labels.LabelModels;
import dev.earshot.labels.sentiment.SentimentLexicon;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.text.TextAnalyzer;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enricher as a running service: Kafka Streams app plus its health and metrics endpoint. */
public final class EnrichService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

  private final StreamsService streams;
  private final ServiceHttp http;
  private final TaxonomyWatcher watcher;

  private EnrichService(StreamsService streams, ServiceHttp http, TaxonomyWatcher watcher) {
    this.streams = streams;
    this.http = http;
    this.watcher = watcher;
  }

  public static EnrichService start(ServiceConfig config) {
    PrometheusMeterRegistry metrics = Metrics.newRegistry("enrich");
    TextAnalyzer analyzer = new TextAnalyzer();
    String taxonomyFile = config.get("enrich.taxonomy.file", null);
    Taxonomy taxonomy =
        taxonomyFile == null
            ? Taxonomy.loadDefault(analyzer)
            : Taxonomy.load(Path.of(taxonomyFile), analyzer);
    log.info(
        "taxonomy {} loaded from {}",
        taxonomy.version(),
        taxonomyFile == null ? "the bundled default" : taxonomyFile);
    String sentimentModelFile = config.get("enrich.sentiment.model.file", null);
    Enricher enricher =
        Enricher.builder(taxonomy, SentimentLexicon.load(), config.getInt("enrich.max.text.chars"))
            .sentiment(Enricher.SentimentMode.parse(config.get("enrich.sentiment")))
            .timeBudget(Duration.ofMillis(config.getLong("enrich.max.millis.per.post")))
            .sentimentModel(
                sentimentModelFile == null
                    ? null
                    : SentimentModel.read(Path.of(sentimentModelFile)))
            .models(
                LabelModels.configured(
                    config.get("enrich.topics"),
                    optionalPath(config.get("enrich.topic.model.file", null)),
                    config.get("enrich.routing"),
                    optionalPath(config.get("enrich.department.model.file", null)),
                    optionalPath(config.get("enrich.stage.model.file", null))))
            .build();
    PipelineTopics topics = Registry.topics(config);
    // A version published to the taxonomy topic wins over the file, now and whenever one arrives.
    TaxonomyWatcher watcher =
        new TaxonomyWatcher(
            config.withPrefix(ServiceConfig.KAFKA_PREFIX),
            topics.taxonomy(),
            config.get("enrich.taxonomy.name"),
            enricher,
            metrics);
    watcher.start(Duration.ofSeconds(60));
    EnrichedPostCounter counter = new EnrichedPostCounter(metrics);
    Topology topology =
        EnrichTopology.build(
            topics.rawPosts(),
            topics.enrichedPosts(),
            post -> counter.count(enricher.enrich(post)),
            Duration.parse(config.get("enrich.dedupe.retention")),
            metrics.counter("earshot.enrich.duplicates")::increment);
    StreamsService streams =
        new StreamsService(
            "enrich", topology, StreamsService.properties(config, Stage.ENRICH, metrics), metrics);
    ServiceHttp http =
        new ServiceHttp(
                HttpSettings.from(config),
                metrics,
                streams::isRunning,
                () -> {
                  Map<String, Object> status = new LinkedHashMap<>(streams.status());
                  status.put("taxonomy_version", enricher.taxonomy().version());
                  return status;
                })
            .start();
    streams.start();
    return new EnrichService(streams, http, watcher);
  }

  private static Path optionalPath(String value) {
    return value == null ? null : Path.of(value);
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
    watcher.close();
    http.close();
  }

  /** Runs the enricher; the optional argument is a properties file (see enrich.properties). */
  public static void main(String[] args) {
    ServiceConfig config =
        ServiceConfig.load(
            "enrich", args.length > 0 ? Path.of(args[0]) : null, System.getenv(), Map.of());
    EnrichService service = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "enrich-shutdown"));
    log.info("enrich running; health and metrics at {}", service.baseUrl());
  }
}
