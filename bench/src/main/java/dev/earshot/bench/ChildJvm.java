package dev.earshot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark's main class in a JVM of its own, on this JVM's class path, with a fixed heap,
 * its output in a log file; returns the fields of the last {@code RESULT} line it printed.
 *
 * <p>{@code -Dbench.child.jvm.args="..."} adds JVM options to every child, e.g. {@code
 * -XX:StartFlightRecording=filename=/tmp/run.jfr} to profile; {@code -Dlogback.configurationFile}
 * is passed on.
 */
final class ChildJvm {
  static final String RESULT = "RESULT";

  private ChildJvm() {}

  static String[] run(Class<?> main, String heap, List<String> args, Path log, long timeoutMinutes)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Fixed: the heap neither grows nor shrinks during the run.
    command.add("-Xms" + heap);
    command.add("-Xmx" + heap);
    String extra = System.getProperty("bench.child.jvm.args", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          main.getSimpleName() + " did not finish in " + timeoutMinutes + " minutes; log: " + log);
    }
    String[] result = null;
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith(RESULT + " ")) {
        result = line.substring(RESULT.length() + 1).trim().split(" ");
      }
    }
    if (result == null) {
      throw new IllegalStateException(
          main.getSimpleName() + " gave no result (exit " + process.exitValue() + "); log: " + log);
    }
    return result;
  }
}
