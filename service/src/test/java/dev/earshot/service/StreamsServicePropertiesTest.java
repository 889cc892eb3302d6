package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.Stage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsServicePropertiesTest {
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  @Test
  void shouldSetTheSharedDefaultsAndHandTheRegistryAndStageToTheHandlers() {
    ServiceConfig config = ServiceConfig.of(Map.of("kafka.application.id", "earshot-enrich"));

    Properties props = StreamsService.properties(config, Stage.ENRICH, metrics);

    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetterDeserializationHandler.class.getName())
        .containsEntry(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            DeadLetterProcessingHandler.class.getName())
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "earshot-enrich");
    assertThat(props.get(Metrics.REGISTRY_CONFIG_KEY)).isSameAs(metrics);
    assertThat(props.get(StreamsService.STAGE_CONFIG_KEY)).isEqualTo(Stage.ENRICH);
    // Unset on purpose: with it, Streams' default production-error handler would write dead
    // letters of its own shape (no earshot headers). earshot's handlers address enrich.dlq.
    assertThat(props).doesNotContainKey(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
  }

  @Test
  void shouldLetKafkaKeysOfTheConfigurationWinWithoutTheirPrefix() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                "kafka.processing.guarantee", "at_least_once",
                "kafka.bootstrap.servers", "b:9092",
                "http.port", "7070"));

    Properties props = StreamsService.properties(config, Stage.ENRICH, metrics);

    assertThat(props)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092")
        .doesNotContainKey("http.port")
        .doesNotContainKey("kafka.bootstrap.servers");
  }

  @Test
  void shouldBoundRocksDbMemoryUnlessTheServiceSetsItsOwnConfigSetter() {
    ServiceConfig bounded = ServiceConfig.of(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "67108864"));
    assertThat(StreamsService.properties(bounded, Stage.ENRICH, metrics))
        .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class)
        .containsEntry(BoundedRocksDbMemory.MEMORY_BYTES, "67108864");

    ServiceConfig own = bounded.with(Map.of("kafka.rocksdb.config.setter", "com.example.MySetter"));
    assertThat(StreamsService.properties(own, Stage.ENRICH, metrics))
        .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.MySetter");
  }
}
