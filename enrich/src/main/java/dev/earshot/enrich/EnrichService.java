package dev.earshot.enrich;

import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.schemas.Stage;
import dev.earshot.service.EarshotCounter;
import dev.earshot.service.EarshotTimer;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.ServiceMain;
import dev.earshot.service.StreamApp;
import dev.earshot.service.StreamAppContext;
import dev.earshot.service.StreamAppRunner;
import io.micrometer.core.instrument.Timer;
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
    // The same settings, read the same way, as ./earshot enrich and the benchmarks use.
    LabellerSettings settings = LabellerSettings.from(key -> config.get(key, null));
    Labeller labeller = Labeller.create(settings);
    log.info(
        "taxonomy {} loaded from {}",
        labeller.taxonomy().version(),
        settings.taxonomyFile() == null ? "the bundled default" : settings.taxonomyFile());
    // A version published to the taxonomy topic wins over the file, now and whenever one arrives.
    TaxonomyWatcher watcher =
        context.closeWithApp(
            new TaxonomyWatcher(
                config.withPrefix(ServiceConfig.KAFKA_PREFIX),
                context.topics().taxonomy(),
                config.get("enrich.taxonomy.name"),
                labeller::use,
                () -> labeller.taxonomy().version(),
                context.metrics()));
    watcher.start(Duration.ofSeconds(60));
    context.status("taxonomy_version", () -> labeller.taxonomy().version());
    EnrichedPostCounter counter = new EnrichedPostCounter(context.metrics());
    Timer labelling = EarshotTimer.ENRICH_LABELLING.in(context.metrics());
    return EnrichTopology.build(
        context.topics().rawPosts(),
        context.topics().enrichedPosts(),
        post -> counter.count(labelling.record(() -> labeller.enrich(post))),
        Duration.parse(config.get("enrich.dedupe.retention")),
        EarshotCounter.ENRICH_DUPLICATES.in(context.metrics())::increment);
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
