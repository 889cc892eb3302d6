package dev.earshot.tools;

import dev.earshot.labels.taxonomy.Taxonomy;
import dev.earshot.labels.taxonomy.TaxonomyException;
import dev.earshot.labels.taxonomy.TaxonomyParser;
import dev.earshot.labels.text.TextAnalyzer;
import dev.earshot.service.Registry;
import dev.earshot.service.ServiceConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code taxonomy check|publish}: try a rules file, then hand it to every running enricher. */
@Command(
    name = "taxonomy",
    mixinStandardHelpOptions = true,
    subcommands = {TaxonomyCli.Check.class, TaxonomyCli.Publish.class},
    description = "Checks and publishes taxonomy rules files.")
public final class TaxonomyCli {
  @Command(name = "check", description = "Parses a rules file; prints its version or the error.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--file", required = true)
    Path file;

    @Override
    public Integer call() throws Exception {
      try {
        Taxonomy taxonomy = TaxonomyParser.load(file, new TextAnalyzer());
        System.out.println("ok: version " + taxonomy.version());
        return 0;
      } catch (TaxonomyException e) {
        System.err.println("refused: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(
      name = "publish",
      description =
          "Checks a rules file and publishes it to the taxonomy topic; running enrichers switch"
              + " to it without a restart.")
  static final class Publish implements Callable<Integer> {
    @Option(names = "--file", required = true)
    Path file;

    @Option(names = "--config", description = "enrich properties file (Kafka and registry).")
    Path config;

    @Option(names = "--by", description = "Who publishes (recorded with the version).")
    String by = System.getProperty("user.name");

    @Override
    public Integer call() throws Exception {
      ServiceConfig settings = ServiceConfig.load("enrich", config, System.getenv(), Map.of());
      try {
        String version =
            TaxonomyPublisher.publish(
                settings.withPrefix(ServiceConfig.KAFKA_PREFIX),
                Registry.topics(settings).taxonomy(),
                settings.get("enrich.taxonomy.name"),
                Files.readString(file, StandardCharsets.UTF_8),
                file.toString(),
                by,
                Clock.systemUTC());
        System.out.println("published version " + version);
        return 0;
      } catch (TaxonomyException e) {
        System.err.println("refused: " + e.getMessage());
        return 2;
      }
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TaxonomyCli()).execute(args));
  }
}
