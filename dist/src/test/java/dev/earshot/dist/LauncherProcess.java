package dev.earshot.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from the tarball's launcher as a user starts it, running until {@link #close}:
 * its output goes to a file (kept for debugging), and it is stopped as an orchestrator stops it,
 * with SIGTERM, then killed if it has not exited within the grace.
 */
final class LauncherProcess implements AutoCloseable {
  private static final long STOP_GRACE_SECONDS = 30;

  private final String name;
  private final Process process;
  private final Path log;

  private LauncherProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Runs {@code command} in {@code dir} with this JVM's environment minus the launchers' own
   * variables, plus {@code env}; JAVA_HOME is this JVM's.
   */
  static LauncherProcess start(
      String name, Path dir, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("EARSHOT_") || k.equals("JAVA_OPTS"));
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.putAll(env);
    return new LauncherProcess(name, builder.start(), log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Its output so far: the last {@code lines} lines, for a failure message. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return name + " (log: " + log + ")";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
