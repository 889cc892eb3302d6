package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.service.ServiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration keys a service knows: its bundled defaults, the keys of the README's
 * "Configuration" table, and under {@code kafka.} the settings its Kafka clients accept. For the
 * tests that check keys written outside the code (the Kubernetes manifests, the README's examples).
 */
final class KnownConfigKeys {
  static final Path README = Path.of("..", "README.md");

  /** The services that run Kafka Streams (and so accept its settings and a consumer's). */
  static final List<String> STREAMS_APPS = List.of("enrich", "aggregate");

  private final Set<String> bundled;
  private final Set<String> kafkaKeys;
  private final List<Pattern> documented;

  private KnownConfigKeys(Set<String> bundled, Set<String> kafkaKeys, List<Pattern> documented) {
    this.bundled = bundled;
    this.kafkaKeys = kafkaKeys;
    this.documented = documented;
  }

  static KnownConfigKeys of(String service) throws IOException {
    return new KnownConfigKeys(
        ServiceConfig.load(service, null, Map.of(), Map.of()).asMap().keySet(),
        kafkaClientKeys(service),
        readmeConfigurationKeys());
  }

  boolean knows(String key) {
    return bundled.contains(key)
        || (key.startsWith(ServiceConfig.KAFKA_PREFIX)
            && kafkaKeys.contains(key.substring(ServiceConfig.KAFKA_PREFIX.length())))
        || documented.stream().anyMatch(p -> p.matcher(key).matches());
  }

  /** What the service's Kafka clients accept: ingest a producer and an admin, the apps Streams. */
  private static Set<String> kafkaClientKeys(String service) {
    Set<String> keys = new HashSet<>(ProducerConfig.configNames());
    keys.addAll(AdminClientConfig.configNames());
    if (STREAMS_APPS.contains(service)) {
      keys.addAll(ConsumerConfig.configNames());
      keys.addAll(StreamsConfig.configDef().names());
    }
    return keys;
  }

  /**
   * The keys of the README's "Configuration" table, as patterns: {@code a.b.location} / {@code
   * .password} is two keys, and {@code aggregate.view.<view>.windows} stands for any view.
   */
  private static List<Pattern> readmeConfigurationKeys() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Configuration");
    int end = readme.indexOf("\n## ", start + 1);
    assertThat(start).as("README section Configuration").isNotNegative();
    List<Pattern> keys = new ArrayList<>();
    Pattern code = Pattern.compile("`([^`]+)`");
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String first = line.split("\\|")[1];
      String previous = null;
      Matcher m = code.matcher(first);
      while (m.find()) {
        String key = m.group(1);
        if (key.startsWith(".") && previous != null) {
          key = previous.substring(0, previous.lastIndexOf('.')) + key;
        }
        keys.add(Pattern.compile(Pattern.quote(key).replaceAll("<[^>]+>", "\\\\E[^.]+\\\\Q")));
        previous = key;
      }
    }
    assertThat(keys).as("keys in the README's Configuration table").hasSizeGreaterThan(10);
    return keys;
  }
}
