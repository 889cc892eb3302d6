package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.Stage;
import dev.earshot.service.BoundedRocksDbMemory;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.StreamsService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "A production configuration" (under "Running on a real cluster") is a file aggregate
 * loads as it is: every key is one aggregate knows, Kafka Streams accepts its values, and it covers
 * what the issue asks of a production setup.
 */
class ProductionExampleTest {
  private static final String HEADING = "\n### A production configuration\n";

  private static String section;
  private static Properties example;

  @BeforeAll
  static void readTheExample() throws IOException {
    String readme = Files.readString(KnownConfigKeys.README);
    int start = readme.indexOf(HEADING);
    assertThat(start).as("README heading %s", HEADING.strip()).isNotNegative();
    int end = readme.indexOf("\n## ", start);
    section = readme.substring(start, end < 0 ? readme.length() : end);
    example = new Properties();
    example.load(new StringReader(fenced("properties")));
    assertThat(example).as("the example's keys").isNotEmpty();
  }

  @Test
  void everyKeyIsOneAggregateKnowsAndLoadsAsWritten(@TempDir Path dir) throws IOException {
    KnownConfigKeys known = KnownConfigKeys.of("aggregate");
    ServiceConfig config = load(dir);
    for (String key : example.stringPropertyNames()) {
      assertThat(known.knows(key)).as("aggregate does not know '%s'", key).isTrue();
      assertThat(config.get(key)).as(key).isEqualTo(example.getProperty(key).strip());
    }
  }

  @Test
  void kafkaStreamsAcceptsItsValuesAndTheRocksDbBoundIsInstalled(@TempDir Path dir)
      throws IOException {
    Properties props =
        StreamsService.properties(load(dir), Stage.AGGREGATE, new SimpleMeterRegistry());

    StreamsConfig streams = new StreamsConfig(props);

    assertThat(streams.getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(streams.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
    assertThat(streams.getString(StreamsConfig.STATE_DIR_CONFIG))
        .isEqualTo(example.getProperty("kafka.state.dir"));
    assertThat(streams.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedRocksDbMemory.class);
    assertThat(props)
        .containsEntry(
            BoundedRocksDbMemory.MEMORY_BYTES,
            example.getProperty(BoundedRocksDbMemory.MEMORY_BYTES));
  }

  /** Issue 11: SASL_SSL, registry auth, state dir, RocksDB memory bound, heap. */
  @Test
  void itCoversSecurityStateStandbysMemoryAndTheHeap() {
    assertThat(example)
        .containsEntry("kafka.security.protocol", "SASL_SSL")
        .containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
        .containsKeys(
            "kafka.sasl.jaas.config",
            "kafka.ssl.truststore.location",
            "basic.auth.user.info",
            "schema.registry.ssl.truststore.location",
            "kafka.state.dir",
            "kafka.num.standby.replicas",
            "kafka.replication.factor",
            "http.host",
            "http.advertised.host",
            BoundedRocksDbMemory.MEMORY_BYTES);
    assertThat(fenced("bash"))
        .containsPattern("JAVA_OPTS='[^']*-Xmx\\w+")
        .contains("bin/earshot-aggregate --config");
  }

  private static ServiceConfig load(Path dir) throws IOException {
    Path file = dir.resolve("aggregate.properties");
    Files.writeString(file, fenced("properties"));
    return ServiceConfig.load("aggregate", file, Map.of(), Map.of());
  }

  /** The first fenced block of this language in the section. */
  private static String fenced(String language) {
    Matcher m =
        Pattern.compile("\n```" + language + "\n(.*?)\n```", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a ```%s block under %s", language, HEADING.strip()).isTrue();
    return m.group(1);
  }
}
