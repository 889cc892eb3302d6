package dev.earshot.deploy;

import dev.earshot.ingest.JsonlReplay;
import dev.earshot.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code earshot-local}: the whole pipeline on this machine, with the bundled sample. */
@Command(
    name = "earshot-local",
    mixinStandardHelpOptions = true,
    description =
        "Starts a real Kafka broker, a real schema registry, ingest, enrich and aggregate on"
            + " 127.0.0.1, replays the bundled sample posts once, and prints where to look."
            + " Ctrl-C stops everything; data persists under --data-dir.")
public final class EarshotLocal implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(EarshotLocal.class);

  /** The bundled sample: posts for the worked example, over the days of {@link SampleDays}. */
  static final String SAMPLE_RESOURCE = "/sample/posts.jsonl";

  private static final SampleDays SAMPLE_DAYS = SampleDays.bundled();
  static final String SAMPLE_FROM = SAMPLE_DAYS.from();
  static final String SAMPLE_TO = SAMPLE_DAYS.to();
  private static final String SAMPLE_MARKER = "sample.replayed";

  @Option(
      names = "--data-dir",
      defaultValue = ".earshot-local",
      description = "Where all data lives (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--wipe", description = "Delete the data directory first and start from nothing.")
  boolean wipe;

  @Option(names = "--no-sample", description = "Do not replay the bundled sample posts.")
  boolean noSample;

  @Option(
      names = "--apicurio-home",
      description =
          "Unpacked Apicurio Registry distribution (default: found under deploy/target/apicurio).")
  Path apicurioHome;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description = "Kafka client port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--controller-port",
      defaultValue = "9093",
      description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort;

  @Option(
      names = "--registry-port",
      defaultValue = "8081",
      description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--ingest-port",
      defaultValue = "7071",
      description = "Ingest HTTP port (default: ${DEFAULT-VALUE}).")
  int ingestPort;

  @Option(
      names = "--enrich-port",
      defaultValue = "7072",
      description = "Enrich health/metrics port (default: ${DEFAULT-VALUE}).")
  int enrichPort;

  @Option(
      names = "--aggregate-port",
      defaultValue = "7073",
      description = "Query API and aggregate metrics port (default: ${DEFAULT-VALUE}).")
  int aggregatePort;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions per topic when created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Override
  public Integer call() throws Exception {
    if (wipe) {
      LocalStack.wipe(dataDir);
      System.out.println("wiped " + dataDir.toAbsolutePath());
    }
    Files.createDirectories(dataDir);
    Path apicurio = apicurioHome != null ? apicurioHome : ApicurioDistribution.locate();
    LocalStack.Settings settings =
        new LocalStack.Settings(
            dataDir.toAbsolutePath(),
            apicurio,
            kafkaPort,
            controllerPort,
            registryPort,
            ingestPort,
            enrichPort,
            aggregatePort,
            partitions);
    LocalStack stack = LocalStack.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("stopping earshot...");
                  stack.close();
                  stopped.countDown();
                },
                "earshot-local-shutdown"));

    if (noSample) {
      skipSample(dataDir);
    } else {
      replaySampleOnce(stack, dataDir)
          .ifPresent(
              summary ->
                  System.out.printf(
                      "replayed the bundled sample: %d posts published, %d refused to %s%n",
                      summary.published(), summary.rejected(), Topics.INGEST_DLQ));
    }
    printWhereToLook(stack);
    stopped.await();
    return 0;
  }

  /**
   * The sample belongs to a new data set only. A data set started with --no-sample holds the user's
   * own posts: record that, so a later start without the flag does not mix the sample in.
   */
  static void skipSample(Path dataDir) throws IOException {
    Path marker = dataDir.resolve(SAMPLE_MARKER);
    if (!Files.exists(marker)) {
      Files.writeString(marker, Instant.now() + " skipped (--no-sample)\n");
    }
  }

  /**
   * Replays the bundled sample into a new data set; not again on a restart, and not into a data set
   * first started with --no-sample (a marker file records either).
   */
  static Optional<JsonlReplay.Summary> replaySampleOnce(LocalStack stack, Path dataDir)
      throws IOException {
    Path marker = dataDir.resolve(SAMPLE_MARKER);
    if (Files.exists(marker)) {
      if (Files.readString(marker).contains("skipped")) {
        System.out.println(
            "not replaying the sample: this data set was started with --no-sample"
                + " (--wipe starts over with it)");
      }
      return Optional.empty();
    }
    try (InputStream sample = EarshotLocal.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      JsonlReplay.Summary summary = stack.replay(sample, "sample/posts.jsonl");
      Files.writeString(marker, Instant.now() + " " + summary + "\n");
      return Optional.of(summary);
    }
  }

  private void printWhereToLook(LocalStack stack) {
    String range = "?from=" + SAMPLE_FROM + "&to=" + SAMPLE_TO;
    String api = stack.aggregateUrl() + "/api/v1/views";
    System.out.println();
    System.out.println("earshot is ready.");
    System.out.println("  The views and their sizes:       " + api);
    System.out.println(
        "  Every audience x topic:          " + api + "/audience-topic/cells" + range);
    System.out.println(
        "  Newlyweds x card-consolidation:  "
            + api
            + "/audience-topic/cells/newlyweds/card-consolidation"
            + range);
    System.out.println(
        "  Brands x topics, most negative:  "
            + api
            + "/brand-topic/cells"
            + range
            + "&rank=negative_share");
    System.out.println(
        "  Share of voice per topic:        "
            + stack.aggregateUrl()
            + "/api/v1/share-of-voice"
            + range);
    System.out.println(
        "  Spikes (early warning):          " + stack.aggregateUrl() + "/api/v1/alerts" + range);
    System.out.println(
        "  The API (OpenAPI):               " + stack.aggregateUrl() + "/api/v1/openapi.json");
    System.out.println(
        "  Post your own (JSON):            POST " + stack.ingestUrl() + "/api/v1/posts");
    System.out.println(
        "  Metrics (Prometheus):            "
            + stack.ingestUrl()
            + "/metrics  "
            + stack.enrichUrl()
            + "/metrics  "
            + stack.aggregateUrl()
            + "/metrics");
    System.out.println("  Schema registry:                 " + stack.registryUrl() + "/subjects");
    System.out.println("  Kafka bootstrap:                 " + stack.bootstrapServers());
    System.out.println(
        "  Data:                            "
            + dataDir.toAbsolutePath()
            + "  (--wipe starts over)");
    System.out.println("Counts fill in within seconds of the replay. Ctrl-C stops everything.");
  }

  public static void main(String[] args) {
    int code = new CommandLine(new EarshotLocal()).execute(args);
    if (code != 0) {
      log.error("earshot-local failed (exit {})", code);
    }
    System.exit(code);
  }
}
