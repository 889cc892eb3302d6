package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

/** The state gauge behind the "Streams app not RUNNING" alert. */
class StreamsStateGaugeTest {
  @Test
  void exactlyTheCurrentStateIsOneAndItFollowsTheClient() {
    PrometheusMeterRegistry registry = Metrics.newRegistry("enrich");
    AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    StreamsStateGauge.register(registry, state::get);

    assertThat(stateValue(registry, State.RUNNING)).isEqualTo(1);
    assertThat(stateValue(registry, State.ERROR)).isEqualTo(0);
    assertThat(registry.find(StreamsStateGauge.NAME).gauges()).hasSize(State.values().length);

    state.set(State.ERROR);
    assertThat(stateValue(registry, State.RUNNING)).isEqualTo(0);
    assertThat(stateValue(registry, State.ERROR)).isEqualTo(1);
    assertThat(registry.scrape())
        .contains("# HELP earshot_streams_state " + StreamsStateGauge.HELP)
        .contains("earshot_streams_state{service=\"enrich\",state=\"ERROR\"} 1.0");
  }

  private static double stateValue(PrometheusMeterRegistry registry, State state) {
    return registry.get(StreamsStateGauge.NAME).tag("state", state.name()).gauge().value();
  }
}
