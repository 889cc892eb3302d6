package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start finds on disk after a crash, a clean close, and under either guarantee. */
class UncleanShutdownGuardTest {
  private static final String APP = "guard-test";

  @TempDir Path stateDir;

  @Test
  void aStartAfterACrashUnderExactlyOnceDeletesTheTaskDirectories() throws Exception {
    UncleanShutdownGuard guard = start(StreamsConfig.EXACTLY_ONCE_V2, true);

    assertThat(taskDirectory()).doesNotExist();
    assertThat(guard.marker()).exists();
  }

  @Test
  void aStartAfterACleanCloseKeepsTheStateAndMarksTheRun() throws Exception {
    UncleanShutdownGuard guard = start(StreamsConfig.EXACTLY_ONCE_V2, false);

    assertThat(taskDirectory().resolve("store")).exists();
    assertThat(guard.marker()).exists();
    guard.closedCleanly();
    assertThat(guard.marker()).doesNotExist();
  }

  @Test
  void atLeastOnceKeepsItsStateAcrossACrash() throws Exception {
    start(StreamsConfig.AT_LEAST_ONCE, true);

    assertThat(taskDirectory().resolve("store")).exists();
  }

  @Test
  void theMarkerSitsInTheApplicationsStateDirectory() {
    UncleanShutdownGuard guard = UncleanShutdownGuard.of(props(StreamsConfig.EXACTLY_ONCE_V2));

    assertThat(guard.marker())
        .isEqualTo(stateDir.resolve(APP).resolve(UncleanShutdownGuard.MARKER));
  }

  /**
   * Leaves a task directory with a store in it, as a run does, and the marker of a run that did not
   * close if {@code lastRunCrashed}; then builds a client and runs the guard as a start does.
   */
  private UncleanShutdownGuard start(String guarantee, boolean lastRunCrashed) throws Exception {
    Files.createDirectories(taskDirectory().resolve("store"));
    Files.writeString(taskDirectory().resolve("store").resolve("data"), "state");
    Properties props = props(guarantee);
    UncleanShutdownGuard guard = UncleanShutdownGuard.of(props);
    if (lastRunCrashed) {
      Files.writeString(guard.marker(), "left by the run that was killed");
    }
    try (KafkaStreams streams = new KafkaStreams(topology(), props)) {
      guard.beforeStart(streams);
    }
    return guard;
  }

  private Path taskDirectory() {
    return stateDir.resolve(APP).resolve("0_0");
  }

  private Properties props(String guarantee) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    return props;
  }

  private static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            "in", org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey()
        .count();
    return builder.build();
  }
}
