package dev.earshot.deploy;

import dev.earshot.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates earshot's topics ({@link Topics#all()}) that do not exist yet; existing ones are left as
 * they are. The local stack uses it, and so can a data engineer against a real cluster.
 */
@Command(
    name = "earshot-topics",
    mixinStandardHelpOptions = true,
    description = "Creates the earshot topics that are missing on a Kafka cluster.")
public final class TopicSetup implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
  String bootstrapServers;

  @Option(
      names = "--partitions",
      defaultValue = "6",
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
  java.nio.file.Path commandConfig;

  /** Creates the missing topics; returns the names it created. */
  public static List<String> ensure(Admin admin, int partitions, short replicationFactor) {
    try {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Spec spec : Topics.all()) {
        if (!existing.contains(spec.name())) {
          NewTopic topic =
              new NewTopic(
                  spec.name(),
                  spec.partitions() > 0 ? spec.partitions() : partitions,
                  replicationFactor);
          if (spec.compacted()) {
            topic.configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
          }
          missing.add(topic);
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    java.util.Properties props = new java.util.Properties();
    if (commandConfig != null) {
      try (var in = java.nio.file.Files.newInputStream(commandConfig)) {
        props.load(in);
      }
    }
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      List<String> created = ensure(admin, partitions, replicationFactor);
      System.out.println(created.isEmpty() ? "all topics exist" : "created " + created);
    }
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new TopicSetup()).execute(args));
  }
}
