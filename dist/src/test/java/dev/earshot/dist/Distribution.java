package dev.earshot.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tarball this module's {@code package} phase wrote (failsafe passes its path and the project's
 * version), unpacked and run the way a user does: with {@code tar} and the launchers.
 */
final class Distribution {
  static final String VERSION = property("earshot.version");

  /** The launchers the README and the Dockerfile name. */
  static final List<String> LAUNCHERS =
      List.of("earshot", "earshot-ingest", "earshot-enrich", "earshot-aggregate");

  private Distribution() {}

  static Path tarball() {
    return Path.of(property("earshot.dist.tarball"));
  }

  static Path dockerfile() {
    return Path.of(property("earshot.dist.dockerfile"));
  }

  /** The repository's own ./earshot script, whose commands the distribution's must match. */
  static Path repositoryScript() {
    return Path.of(property("earshot.repo.script"));
  }

  /** Unpacks the tarball into {@code dir} with tar, which applies the archive's file modes. */
  static void unpack(Path dir) throws IOException, InterruptedException {
    Launched tar =
        Launched.run(
            dir, Map.of(), List.of("tar", "-xzf", tarball().toString(), "-C", dir.toString()));
    assertThat(tar.exitCode()).as("tar: %s", tar.output()).isZero();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run the tests through failsafe");
    }
    return value;
  }

  /** A finished child process: its exit code and its standard output and error, together. */
  record Launched(int exitCode, String output) {
    /**
     * Runs {@code command} in {@code dir} with {@code env} over this JVM's environment, minus the
     * launchers' own variables (JAVA_HOME is this JVM's unless {@code env} says otherwise). Gives
     * up after two minutes: a launcher that hangs fails the test rather than the build.
     */
    static Launched run(Path dir, Map<String, String> env, List<String> command)
        throws IOException, InterruptedException {
      Path log = Files.createTempFile("launched", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("EARSHOT_") || k.equals("JAVA_OPTS"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError(command + " did not finish within two minutes");
        }
        return new Launched(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }
}
