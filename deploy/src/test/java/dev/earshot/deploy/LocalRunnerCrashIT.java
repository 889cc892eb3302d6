package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner as a user runs it ({@code java -jar earshot-local.jar}, what {@code
 * ./earshot-local} ends with), killed with SIGKILL and started again on the same data: the second
 * start must not trip over the registry JVM the first one left behind, and must be ready about as
 * fast as after a clean stop (no wait for the dead instances' sessions to time out).
 */
class LocalRunnerCrashIT {
  private static final Duration READY = Duration.ofSeconds(150);

  @Test
  void aRunnerKilledWithSigkillStartsAgainAtOnceOnTheSameData(@TempDir Path dir) throws Exception {
    List<String> ports = new ArrayList<>();
    for (String flag :
        List.of(
            "--kafka-port",
            "--controller-port",
            "--registry-port",
            "--ingest-port",
            "--enrich-port",
            "--aggregate-port")) {
      ports.add(flag);
      ports.add(Integer.toString(Ports.free()));
    }
    Path data = dir.resolve("data");

    Process first = runner(data, ports, dir.resolve("first.log"));
    long firstReady = awaitReady(first, dir.resolve("first.log"));
    long registryPid =
        Long.parseLong(
            Files.readString(data.resolve("registry").resolve(SchemaRegistryProcess.PID_FILE))
                .trim());
    first.destroyForcibly(); // SIGKILL: no shutdown hook runs
    first.waitFor(30, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(registryPid).map(ProcessHandle::isAlive))
        .as("orphaned registry")
        .hasValue(true);

    Process second = runner(data, ports, dir.resolve("second.log"));
    try {
      long secondReady = awaitReady(second, dir.resolve("second.log"));

      assertThat(ProcessHandle.of(registryPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      // Before static membership the restart waited out the dead members' 45 s sessions (~50 s
      // in all, against 12 s after a clean stop); now it takes about as long as a first start.
      assertThat(secondReady).isLessThan(firstReady + 30_000);
      Files.writeString(
          Path.of("target", "local-runner-crash.txt"),
          "first start ready in "
              + firstReady
              + " ms; after SIGKILL ready in "
              + secondReady
              + " ms\n");
    } finally {
      second.destroy();
      if (!second.waitFor(60, TimeUnit.SECONDS)) {
        second.destroyForcibly();
      }
    }
  }

  private static Process runner(Path data, List<String> ports, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-jar");
    command.add("target/earshot-local.jar");
    command.add("--data-dir");
    command.add(data.toString());
    command.add("--no-sample");
    command.add("--partitions");
    command.add("1");
    command.add("--apicurio-home");
    command.add(ApicurioDistribution.locate().toString());
    command.addAll(ports);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Milliseconds until the runner prints "earshot is ready."; its output goes to {@code log}. */
  private static long awaitReady(Process runner, Path log) throws Exception {
    long started = System.nanoTime();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
                  var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = in.readLine()) != null) {
                  out.write(line);
                  out.newLine();
                  out.flush();
                  if (line.contains("earshot is ready.")) {
                    ready.complete(true);
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.complete(false);
            });
    reader.setDaemon(true);
    reader.start();
    boolean ok = ready.get(READY.toSeconds(), TimeUnit.SECONDS);
    assertThat(ok).as("runner ready; see " + log + ":\n" + Files.readString(log)).isTrue();
    return (System.nanoTime() - started) / 1_000_000;
  }
}
