package dev.earshot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness and the dependency gauges with Kafka away (a closed port): the registry is still
 * checked, so its own gauge says whether it answers.
 */
class IngestReadinessTest {
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  @Test
  void kafkaAwayIsNamedAndCountedWhileTheRegistryStillShowsUp() throws IOException {
    try (IngestReadiness readiness =
        new IngestReadiness(
            unreachableKafka(),
            new InMemorySchemaRegistryClient(),
            Duration.ofMillis(300),
            metrics)) {
      readiness.check();

      assertThat(readiness.isReady()).isFalse();
      assertThat(readiness.problem()).startsWith("Kafka does not answer");
      assertThat(up("kafka")).isEqualTo(0);
      assertThat(up("registry")).isEqualTo(1);
    }
  }

  @Test
  void bothAwayShowBothDown() throws IOException {
    try (IngestReadiness readiness =
        new IngestReadiness(
            unreachableKafka(), failingRegistry(), Duration.ofMillis(300), metrics)) {
      readiness.check();

      assertThat(readiness.isReady()).isFalse();
      assertThat(up("kafka")).isEqualTo(0);
      assertThat(up("registry")).isEqualTo(0);
      assertThat(metrics.get(IngestReadiness.DEPENDENCY_UP).gauge().getId().getDescription())
          .isEqualTo(IngestReadiness.DEPENDENCY_UP_HELP);
    }
  }

  private double up(String dependency) {
    return metrics.get(IngestReadiness.DEPENDENCY_UP).tag("dependency", dependency).gauge().value();
  }

  /** A port nothing listens on. */
  private static Map<String, String> unreachableKafka() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return Map.of("bootstrap.servers", "127.0.0.1:" + port);
  }

  /** A registry client every call of which fails, as one that cannot connect does. */
  private static SchemaRegistryClient failingRegistry() {
    return (SchemaRegistryClient)
        Proxy.newProxyInstance(
            SchemaRegistryClient.class.getClassLoader(),
            new Class<?>[] {SchemaRegistryClient.class},
            (proxy, method, args) -> {
              throw new IllegalStateException("connection refused");
            });
  }
}
