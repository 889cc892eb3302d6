package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

/** What /health and /ready answer for each state of Kafka Streams. */
class StreamsHealthTest {
  @Test
  void aClientShutDownByAnErrorIsNotAliveSoALivenessProbeRestartsIt() {
    assertThat(StreamsService.alive(State.ERROR, () -> 0)).isFalse();
    // An ERROR client is not asked for its threads (it may refuse to say).
    assertThat(
            StreamsService.alive(
                State.ERROR,
                () -> {
                  throw new IllegalStateException("not running");
                }))
        .isFalse();
    assertThat(StreamsService.alive(State.PENDING_ERROR, () -> 1)).isFalse();
    assertThat(StreamsService.alive(State.NOT_RUNNING, () -> 0)).isFalse();
  }

  @Test
  void runningOrRebalancingWithNoLiveThreadIsNotAlive() {
    assertThat(StreamsService.alive(State.RUNNING, () -> 0)).isFalse();
    assertThat(StreamsService.alive(State.REBALANCING, () -> 0)).isFalse();
    assertThat(StreamsService.alive(State.RUNNING, () -> 1)).isTrue();
    assertThat(StreamsService.alive(State.REBALANCING, () -> 2)).isTrue();
    assertThat(StreamsService.alive(State.CREATED, () -> 0)).isTrue();
  }

  @Test
  void aRebalanceKeepsAProcessingAppReadyButNotAQueryingOne() {
    assertThat(StreamsService.ready(State.REBALANCING, true)).isTrue();
    assertThat(StreamsService.ready(State.REBALANCING, false)).isFalse();
    assertThat(StreamsService.ready(State.RUNNING, false)).isTrue();
    assertThat(StreamsService.ready(State.ERROR, true)).isFalse();
    assertThat(StreamsService.ready(State.CREATED, true)).isFalse();
  }
}
