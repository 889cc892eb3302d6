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

  private final Process process;
  private final String url;

  private SchemaRegistryProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * @param apicurioHome the unpacked distribution (holds {@code *-runner.jar})
   * @param dataDir where the H2 database and the registry log live
   */
  public static SchemaRegistryProcess start(Path apicurioHome, Path dataDir, int port) {
    Ports.requireFree("Schema registry", port);
    Path runner = runnerJar(apicurioHome);
    Path logFile = dataDir.resolve("registry.log");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = builder.environment();
    env.put(
        "REGISTRY_DATASOURCE_URL",
        "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the schema registry JVM", e);
    }
    String url = "http://127.0.0.1:" + port + CCOMPAT_PATH;
    SchemaRegistryProcess registry = new SchemaRegistryProcess(process, url);
    try {
      registry.awaitReady(logFile);
      SchemaRegistryClient client = new RestSchemaRegistryClient(RegistryConfig.of(url));
      client.setCompatibility(null, "BACKWARD");
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    log.info("schema registry ready at {} (log: {})", url, logFile);
    return registry;
  }

  private void awaitReady(Path logFile) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(url + "/subjects"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "schema registry exited with code " + process.exitValue() + "; see " + logFile);
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
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
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
