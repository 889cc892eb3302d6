package dev.earshot.enrich;

import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Topics;
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
    LabellerSettings settings = LabellerSettings.from(key -> config.get(key, null));
    Labeller labeller = Labeller.create(settings);
    log.info(
        "taxonomy {} loaded from {}",
        labeller.taxonomy().version(),
        settings.taxonomyFile() == null ? "the bundled default" : settings.taxonomyFile());
    PipelineTopics topics = Registry.topics(config);
    // A version published to the taxonomy topic wins over the file, now and whenever one arrives.
    TaxonomyWatcher watcher =
        new TaxonomyWatcher(
            config.withPrefix(ServiceConfig.KAFKA_PREFIX),
            topics.taxonomy(),
            config.get("enrich.taxonomy.name"),
            labeller::use,
            () -> labeller.taxonomy().version(),
            metrics);
    watcher.start(Duration.ofSeconds(60));
    EnrichedPostCounter counter = new EnrichedPostCounter(metrics);
    Topology topology =
        EnrichTopology.build(
            topics.rawPosts(),
            topics.enrichedPosts(),
            post -> counter.count(labeller.enrich(post)),
            Duration.parse(config.get("enrich.dedupe.retention")),
            metrics.counter("earshot.enrich.duplicates")::increment);
    StreamsService streams =
        new StreamsService(
            "enrich",
            topology,
            StreamsService.properties(config, Topics.ENRICH_DLQ, metrics),
            metrics);
    ServiceHttp http =
        new ServiceHttp(
                HttpSettings.from(config),
                metrics,
                streams::isRunning,
                () -> {
                  Map<String, Object> status = new LinkedHashMap<>(streams.status());
                  status.put("taxonomy_version", labeller.taxonomy().version());
                  return status;
                })
            .start();
    streams.start();
    return new EnrichService(streams, http, watcher);
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
