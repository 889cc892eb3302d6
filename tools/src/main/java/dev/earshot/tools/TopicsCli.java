package dev.earshot.tools;

import dev.earshot.aggregate.ViewSettings;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.TopicSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./earshot topics}: creates the earshot topics that are missing on a Kafka cluster. */
@Command(
    name = "earshot topics",
    mixinStandardHelpOptions = true,
    description = "Creates the earshot topics that are missing on a Kafka cluster.")
public final class TopicsCli implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
  String bootstrapServers;

  @Option(
      names = "--partitions",
      defaultValue = "" + TopicSetup.DEFAULT_PARTITIONS,
      description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--replication-factor",
      defaultValue = "3",
      description = "Replicas per topic (default: ${DEFAULT-VALUE}).")
  short replicationFactor;

  @Option(
      names = "--command-config",
      description = "Properties file with client security settings.")
  Path commandConfig;

  @Option(
      names = "--config",
      description =
          "aggregate's properties file: the window sizes it gives each view (aggregate.windows,"
              + " aggregate.view.<view>.windows; EARSHOT_* variables apply as for the service)"
              + " decide the views' output topics. Default: the bundled sizes.")
  Path aggregateConfig;

  @Override
  public Integer call() throws Exception {
    Properties props = new Properties();
    if (commandConfig != null) {
      try (var in = Files.newInputStream(commandConfig)) {
        props.load(in);
      }
    }
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      List<String> created =
          TopicSetup.ensure(
              admin, partitions, replicationFactor, topics(aggregateConfig, System.getenv()));
      System.out.println(created.isEmpty() ? "all topics exist" : "created or updated " + created);
    }
    return 0;
  }

  /** Every topic, the views' output topics for the sizes aggregate is configured with. */
  static List<Topics.Spec> topics(Path aggregateConfig, Map<String, String> env) {
    ViewSettings views =
        ViewSettings.read(ServiceConfig.load("aggregate", aggregateConfig, env, Map.of())::get);
    Map<View, List<WindowSize>> sizes = new EnumMap<>(View.class);
    for (View view : View.values()) {
      sizes.put(view, views.sizes(view));
    }
    return Topics.all(sizes);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TopicsCli()).execute(args));
  }
}
