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
    Path task = leftTaskDirectory();
    Properties props = props(StreamsConfig.EXACTLY_ONCE_V2);
    UncleanShutdownGuard guard = UncleanShutdownGuard.of(props);
    Files.writeString(guard.marker(), "left by the run that was killed");

    try (KafkaStreams streams = new KafkaStreams(topology(), props)) {
      guard.beforeStart(streams);
    }

    assertThat(task).doesNotExist();
    assertThat(guard.marker()).exists();
  }

  @Test
  void aStartAfterACleanCloseKeepsTheStateAndMarksTheRun() throws Exception {
    Path task = leftTaskDirectory();
    Properties props = props(StreamsConfig.EXACTLY_ONCE_V2);
    UncleanShutdownGuard guard = UncleanShutdownGuard.of(props);

    try (KafkaStreams streams = new KafkaStreams(topology(), props)) {
      guard.beforeStart(streams);
    }

    assertThat(task.resolve("store")).exists();
    assertThat(guard.marker()).exists();
    guard.closedCleanly();
    assertThat(guard.marker()).doesNotExist();
  }

  @Test
  void atLeastOnceKeepsItsStateAcrossACrash() throws Exception {
    Path task = leftTaskDirectory();
    Properties props = props(StreamsConfig.AT_LEAST_ONCE);
    UncleanShutdownGuard guard = UncleanShutdownGuard.of(props);
    Files.writeString(guard.marker(), "left by the run that was killed");

    try (KafkaStreams streams = new KafkaStreams(topology(), props)) {
      guard.beforeStart(streams);
    }

    assertThat(task.resolve("store")).exists();
  }

  @Test
  void theMarkerSitsInTheApplicationsStateDirectory() {
    UncleanShutdownGuard guard = UncleanShutdownGuard.of(props(StreamsConfig.EXACTLY_ONCE_V2));

    assertThat(guard.marker())
        .isEqualTo(stateDir.resolve(APP).resolve(UncleanShutdownGuard.MARKER));
  }

  /** A task directory with a store in it, as a run leaves it. */
  private Path leftTaskDirectory() throws Exception {
    Path task = stateDir.resolve(APP).resolve("0_0");
    Files.createDirectories(task.resolve("store"));
    Files.writeString(task.resolve("store").resolve("data"), "state");
    return task;
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
