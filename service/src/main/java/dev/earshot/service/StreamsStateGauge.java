package dev.earshot.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code earshot_streams_state{state}}: 1 for the state the Kafka Streams client is in, 0 for every
 * other state, so an alert can say "not RUNNING" and a dashboard can show the state by name. Kafka
 * Streams' own {@code kafka_stream_client_state} cannot do this: Streams removes its client-level
 * metrics when the client shuts down, so the series vanishes exactly when it goes to ERROR. This
 * gauge reads {@link KafkaStreams#state()} and lives as long as the service.
 */
final class StreamsStateGauge {
  static final String NAME = "earshot.streams.state";
  static final String HELP =
      "1 for the state the Kafka Streams client is in (the state tag), 0 for every other state";

  static void register(MeterRegistry registry, Supplier<KafkaStreams.State> current) {
    for (KafkaStreams.State state : KafkaStreams.State.values()) {
      Gauge.builder(NAME, () -> current.get() == state ? 1 : 0)
          .description(HELP)
          .tag("state", state.name())
          .register(registry);
    }
  }

  private StreamsStateGauge() {}
}
