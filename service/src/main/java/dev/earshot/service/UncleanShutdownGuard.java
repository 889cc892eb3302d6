package dev.earshot.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wipes the local state a crashed run left behind, before Kafka Streams opens it, when the app runs
 * exactly-once.
 *
 * <p>Under exactly-once, the stores a process left when it died (kill -9, an OOM kill, a lost node)
 * may hold updates of a transaction that was never committed, so Kafka Streams throws them away and
 * restores every store from its changelog. Kafka Streams 4.3 does that through a path that can
 * fail: it opens the old stores, finds them unclean, and on the retry trips over a segment it left
 * open ("lock hold by current process") or closed ("Store ... is currently closed"), and the
 * instance stops. ReliabilityIT's kill -9 case hit it in two of six runs on 2026-12-05 (Kafka 4.3.1
 * and 4.3.2). So earshot does the same wipe itself, before any store is opened: a file in the app's
 * state directory says a run is in progress, a clean close removes it, and a start that finds it
 * deletes the task directories ({@link KafkaStreams#cleanUp()}). The outcome is the one Kafka
 * Streams intends (a full restore from the changelogs, the process id kept, so the dead run's
 * transaction is fenced at once).
 *
 * <p>At-least-once keeps its state across a crash, as Kafka Streams does: there the file is not
 * even written.
 */
final class UncleanShutdownGuard {
  private static final Logger log = LoggerFactory.getLogger(UncleanShutdownGuard.class);

  /** The file, in {@code <state.dir>/<application.id>/}, that a running instance keeps. */
  static final String MARKER = "earshot-running";

  private final Path marker;
  private final boolean exactlyOnce;

  private UncleanShutdownGuard(Path marker, boolean exactlyOnce) {
    this.marker = marker;
    this.exactlyOnce = exactlyOnce;
  }

  /** For the Streams settings the app runs with (state directory, application id, guarantee). */
  static UncleanShutdownGuard of(Properties streamsProperties) {
    StreamsConfig config = new StreamsConfig(streamsProperties);
    Path appDir =
        Path.of(config.getString(StreamsConfig.STATE_DIR_CONFIG))
            .resolve(config.getString(StreamsConfig.APPLICATION_ID_CONFIG));
    String guarantee = config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    return new UncleanShutdownGuard(
        appDir.resolve(MARKER), !StreamsConfig.AT_LEAST_ONCE.equals(guarantee));
  }

  /**
   * Call before {@link KafkaStreams#start()}: wipes the local state if the last run did not close
   * cleanly, then marks this run as in progress.
   */
  void beforeStart(KafkaStreams streams) {
    if (!exactlyOnce) {
      return;
    }
    if (Files.exists(marker)) {
      log.warn(
          "The last run on {} did not close cleanly: under exactly-once its local state may hold"
              + " uncommitted updates, so it is deleted and every store restores from its"
              + " changelog",
          marker.getParent());
      streams.cleanUp();
    }
    try {
      Files.createDirectories(marker.getParent());
      Files.writeString(
          marker, "a run of this app is in progress, or ended without a clean close\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
  }

  /** Call once Kafka Streams closed without an error: the state on disk is committed state. */
  void closedCleanly() {
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      // The next start then restores from the changelogs: slower, never wrong.
      log.warn("cannot delete {}: the next start restores every store", marker, e);
    }
  }

  Path marker() {
    return marker;
  }
}
