package dev.earshot.deploy;

import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.registry.SchemaRegistryClient;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry: Apicurio Registry 2.6 (from Maven Central) as a child JVM on 127.0.0.1,
 * serving the Confluent-compatible API under {@code /apis/ccompat/v7}. Its storage is an H2
 * database file under the data directory, so schema ids keep their meaning across restarts.
 * Apicurio defaults to compatibility NONE; we set BACKWARD globally.
 */
public final class SchemaRegistryProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryProcess.class);
  public static final String CCOMPAT_PATH = "/apis/ccompat/v7";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  /** Restarts in a row (each failing to become ready) before the supervisor gives up. */
  private static final int MAX_RESTARTS = 5;

  static final String PID_FILE = "registry.pid";
  private static final String LOG_FILE = "registry.log";

  private final ProcessBuilder builder;
  private final Path logFile;
  private final Path pidFile;
  private final String url;
  private volatile Process process;
  private volatile boolean closing;

  private SchemaRegistryProcess(ProcessBuilder builder, Path dataDir, String url) {
    this.builder = builder;
    this.logFile = dataDir.resolve(LOG_FILE);
    this.pidFile = dataDir.resolve(PID_FILE);
    this.url = url;
  }

  /**
   * Starts the registry and supervises it: if it exits while the stack runs, the exit is logged as
   * an error and the registry started again on the same port and data.
   *
   * @param apicurioHome the unpacked distribution (holds {@code *-runner.jar})
   * @param dataDir where the H2 database, the registry log and its pid file live
   */
  public static SchemaRegistryProcess start(Path apicurioHome, Path dataDir, int port) {
    Path runner = runnerJar(apicurioHome);
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stopLeftBehind(dataDir.resolve(PID_FILE), runner);
    Ports.requireFree("Schema registry", port);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN",
                "-jar",
                runner.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve(LOG_FILE).toFile()));
    Map<String, String> env = builder.environment();
    env.put(
        "REGISTRY_DATASOURCE_URL",
        "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE");
    String url = "http://127.0.0.1:" + port + CCOMPAT_PATH;
    SchemaRegistryProcess registry = new SchemaRegistryProcess(builder, dataDir, url);
    try {
      registry.launch();
      SchemaRegistryClient client = new RestSchemaRegistryClient(RegistryConfig.of(url));
      client.setCompatibility(null, "BACKWARD");
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    log.info("schema registry ready at {} (log: {})", url, registry.logFile);
    return registry;
  }

  /**
   * A registry JVM left running by a runner that was killed (kill -9 runs no shutdown hook) would
   * hold the port, and the next start would fail with "port already taken". Its pid file names it;
   * it is stopped if it is still alive and still an Apicurio registry (a recycled pid is not).
   */
  static void stopLeftBehind(Path pidFile, Path runner) {
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info()
                      .commandLine()
                      .map(cmd -> cmd.contains(runner.getFileName().toString()))
                      .orElse(false))
          .ifPresent(
              p -> {
                log.warn("stopping the schema registry (pid {}) left behind by a crash", pid);
                p.destroyForcibly();
                p.onExit().orTimeout(20, TimeUnit.SECONDS).join();
              });
      Files.delete(pidFile);
    } catch (IOException | NumberFormatException e) {
      log.warn("ignoring unreadable {}: {}", pidFile, e.toString());
    }
  }

  /** Starts the JVM, records its pid, waits until it answers, and watches for its exit. */
  private void launch() {
    Process started;
    try {
      started = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the schema registry JVM", e);
    }
    process = started;
    try {
      Files.writeString(pidFile, Long.toString(started.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pidFile, e);
    }
    try {
      awaitReady(started);
    } catch (RuntimeException e) {
      // A restart that did not come up must not stay behind holding the port for the next one.
      started.destroyForcibly();
      throw e;
    }
    started.onExit().thenAccept(this::exited);
  }

  private void exited(Process gone) {
    if (closing || gone != process) {
      return;
    }
    log.error(
        "schema registry exited unexpectedly (code {}); restarting it (log: {})",
        gone.exitValue(),
        logFile);
    for (int attempt = 1; attempt <= MAX_RESTARTS && !closing; attempt++) {
      try {
        launch();
        log.warn("schema registry restarted at {}", url);
        return;
      } catch (RuntimeException e) {
        log.error(
            "schema registry restart {} of {} failed: {}", attempt, MAX_RESTARTS, e.toString());
        sleep(2_000);
      }
    }
    log.error("schema registry not restarted after {} attempts: the pipeline stalls", MAX_RESTARTS);
  }

  /** The running registry JVM (tests kill it to check the supervisor). */
  Process process() {
    return process;
  }

  private void awaitReady(Process started) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(url + "/subjects"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!started.isAlive()) {
        throw new IllegalStateException(
            "schema registry exited with code " + started.exitValue() + "; see " + logFile);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the schema registry", e);
      }
      sleep(250);
    }
    throw new IllegalStateException(
        "schema registry not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + logFile);
  }

  /** The Confluent-compatible API root, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    closing = true;
    Process running = process;
    if (running == null) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(15, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(pidFile);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.destroyForcibly();
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", pidFile, e.toString());
    }
  }

  static Path runnerJar(Path apicurioHome) {
    try (Stream<Path> files = Files.walk(apicurioHome, 3)) {
      List<Path> runners =
          files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).toList();
      if (runners.isEmpty()) {
        throw new IllegalStateException("no Apicurio *-runner.jar under " + apicurioHome);
      }
      return runners.get(0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Apicurio Registry distribution not found at "
              + apicurioHome
              + " (build it with ./mvnw -pl deploy -am package, or set --apicurio-home)",
          e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
