package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner's bookkeeping across restarts and crashes, without starting a stack. */
class LocalRunnerTest {
  private static final Path RUNNER =
      Path.of("/opt/apicurio/apicurio-registry-app-2.6.13.Final-runner.jar");

  @TempDir Path dir;

  @Test
  void aDataSetStartedWithoutTheSampleNeverGetsItLater() throws Exception {
    EarshotLocal.skipSample(dir);

    // No stack is needed: the marker decides before anything is replayed.
    assertThat(EarshotLocal.replaySampleOnce(null, dir)).isEmpty();
  }

  @Test
  void aRegistryLeftBehindByACrashIsStoppedBeforeTheNextStart() throws Exception {
    // Stands in for the registry JVM of a runner killed with kill -9: same jar on its command line.
    Process orphan = new ProcessBuilder("bash", "-c", "sleep 30; true", RUNNER.toString()).start();
    Path pidFile = dir.resolve(SchemaRegistryProcess.PID_FILE);
    Files.writeString(pidFile, Long.toString(orphan.pid()));

    SchemaRegistryProcess.stopLeftBehind(pidFile, RUNNER);

    assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void aRecycledPidThatIsNotARegistryIsLeftAlone() throws Exception {
    Process other = new ProcessBuilder("sleep", "120").start();
    try {
      Path pidFile = dir.resolve(SchemaRegistryProcess.PID_FILE);
      Files.writeString(pidFile, Long.toString(other.pid()));

      SchemaRegistryProcess.stopLeftBehind(pidFile, RUNNER);

      assertThat(other.isAlive()).isTrue();
      assertThat(pidFile).doesNotExist();
    } finally {
      other.destroyForcibly();
    }
  }
}
