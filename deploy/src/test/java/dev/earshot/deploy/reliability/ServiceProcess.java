package dev.earshot.deploy.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One earshot service as its own JVM, started the way a deployment starts it ({@code java -cp
 * 'deploy/target/lib/*' <main> --config <properties file>}), so that it can be killed with SIGKILL
 * and leave exactly what a crashed pod leaves: its state directory, open transactions, a group
 * member that never said goodbye.
 */
final class ServiceProcess {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String mainClass;
  private final Path configFile;
  private final Path logFile;
  private final int port;
  private Process process;

  ServiceProcess(String name, String mainClass, Map<String, String> config, Path dir, int port) {
    this.name = name;
    this.mainClass = mainClass;
    this.port = port;
    this.configFile = dir.resolve(name + ".properties");
    this.logFile = dir.resolve(name + ".log");
    Properties props = new Properties();
    props.putAll(config);
    try {
      Files.createDirectories(dir);
      try (var out = Files.newBufferedWriter(configFile)) {
        props.store(out, name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the JVM (appending to its log) and waits until /ready says 200. */
  ServiceProcess start(Duration timeout) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The distribution's class path, as the README's "running on a real cluster" uses it.
    String classPath = "target/earshot-local.jar:target/lib/*";
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx512m",
                      "-XX:+UseSerialGC",
                      // GC pauses into the log: a restart that runs out of heap shows it there.
                      "-Xlog:gc:stdout",
                      "-cp",
                      classPath,
                      mainClass,
                      "--config",
                      configFile.toString()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    awaitReady(timeout);
    return this;
  }

  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + logFile);
      }
      if (status("/ready") == 200) {
        return;
      }
      if (status("/health") == 503) {
        // Kafka Streams shut the client down: it will not become ready.
        throw new IllegalStateException(name + " gave up; " + lastSigns() + "; see " + logFile);
      }
      sleep(200);
    }
    // CI shows only the one-line summary of a failed test, so the message carries what the log
    // says about why: the last state change and the last warning or error.
    throw new IllegalStateException(
        name + " not ready within " + timeout + "; " + lastSigns() + "; see " + logFile);
  }

  /** The log's last Kafka Streams state change and its last WARN or ERROR line, on one line. */
  String lastSigns() {
    String state = "no state change logged";
    String trouble = "no warning logged";
    try {
      for (String line : Files.readAllLines(logFile)) {
        if (line.contains("StreamsService") && line.contains(" -> ")) {
          state = line.strip();
        } else if (line.contains(" WARN ") || line.contains(" ERROR ")) {
          trouble = line.strip();
        }
      }
    } catch (IOException e) {
      return "log unreadable: " + e.getMessage();
    }
    return "last state change: " + state + "; last warning: " + trouble;
  }

  /**
   * Waits until /health says 503 (Kafka Streams gave up) or the process has exited: either way it
   * stopped loudly. False if it is still healthy when the time is up.
   */
  boolean awaitUnhealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (status("/health") == 503 || !process.isAlive()) {
        return true;
      }
      sleep(200);
    }
    return false;
  }

  /** The HTTP status of one of the service's paths, or 0 if it does not answer. */
  private int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitFor();
    }
  }

  /** SIGTERM: the service's shutdown hook closes Streams cleanly. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitFor();
    }
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Resident memory of the JVM (VmRSS), or 0 if it is not running. */
  long residentBytes() {
    if (process == null || !process.isAlive()) {
      return 0;
    }
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  Path logFile() {
    return logFile;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
