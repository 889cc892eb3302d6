package dev.earshot.enrich;

import dev.earshot.labels.Enricher;
import dev.earshot.labels.LabelModels;
import dev.earshot.labels.sentiment.SentimentLexicon;
import dev.earshot.labels.sentiment.SentimentModel;
import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.schemas.Stage;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.ServiceMain;
import dev.earshot.service.StreamApp;
import dev.earshot.service.StreamAppContext;
import dev.earshot.service.StreamAppRunner;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enricher as a service: posts.raw to posts.enriched through the labelling library, following
 * the taxonomy published to the taxonomy topic.
 */
public final class EnrichService implements StreamApp {
  private static final Logger log = LoggerFactory.getLogger(EnrichService.class);

  @Override
  public Stage stage() {
    return Stage.ENRICH;
  }

  @Override
  public Topology topology(StreamAppContext context) {
    ServiceConfig config = context.config();
    Enricher enricher = enricher(config);
    // A version published to the taxonomy topic wins over the file, now and whenever one arrives.
    TaxonomyWatcher watcher =
        context.closeWithApp(
            new TaxonomyWatcher(
                config.withPrefix(ServiceConfig.KAFKA_PREFIX),
                context.topics().taxonomy(),
                config.get("enrich.taxonomy.name"),
                enricher,
                context.metrics()));
    watcher.start(Duration.ofSeconds(60));
    context.status("taxonomy_version", () -> enricher.taxonomy().version());
    EnrichedPostCounter counter = new EnrichedPostCounter(context.metrics());
    return EnrichTopology.build(
        context.topics().rawPosts(),
        context.topics().enrichedPosts(),
        post -> counter.count(enricher.enrich(post)),
        Duration.parse(config.get("enrich.dedupe.retention")),
        context.metrics().counter("earshot.enrich.duplicates")::increment);
  }

  private static Enricher enricher(ServiceConfig config) {
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
    return Enricher.builder(
            taxonomy, SentimentLexicon.load(), config.getInt("enrich.max.text.chars"))
        .sentiment(Enricher.SentimentMode.parse(config.get("enrich.sentiment")))
        .timeBudget(Duration.ofMillis(config.getLong("enrich.max.millis.per.post")))
        .sentimentModel(
            sentimentModelFile == null ? null : SentimentModel.read(Path.of(sentimentModelFile)))
        .models(
            LabelModels.configured(
                config.get("enrich.topics"),
                optionalPath(config.get("enrich.topic.model.file", null)),
                config.get("enrich.routing"),
                optionalPath(config.get("enrich.department.model.file", null)),
                optionalPath(config.get("enrich.stage.model.file", null))))
        .build();
  }

  private static Path optionalPath(String value) {
    return value == null ? null : Path.of(value);
  }

  /** Starts the enricher on this configuration (the local stack and the tests use it). */
  public static StreamAppRunner start(ServiceConfig config) {
    return StreamAppRunner.start(new EnrichService(), config);
  }

  public static void main(String[] args) {
    ServiceMain.run(
        new EnrichService(), "Labels posts.raw into posts.enriched (Kafka Streams).", args);
  }
}
