package dev.earshot.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same closed-loop phases as {@link QueryLoad}, sent by wrk (Debian's {@code wrk}) from a
 * process of its own with one event-loop thread: a client that costs the machine far less than JDK
 * HttpClient threads in the servers' JVM, so that the servers' share of the cores is closer to what
 * they have when clients run elsewhere. Connections as {@link QueryLoad}'s threads; an answer other
 * than 2xx/3xx and any socket error or timeout count as errors.
 */
final class WrkLoad implements QueryBenchmark.Phase {
  /** Prints the figures of a phase on one line (latencies in microseconds). */
  private static final String REPORT =
      """
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format("WRK %d %d %d %d %d %d %d %d %d\\n",
          summary.requests, summary.duration, summary.bytes,
          e.connect + e.read + e.write + e.timeout, e.status,
          latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
      end
      """;

  private final int connections;
  private final Duration warmUp;
  private final Duration timed;
  private final Path script;

  WrkLoad(int connections, Duration warmUp, Duration timed) throws IOException {
    this.connections = connections;
    this.warmUp = warmUp;
    this.timed = timed;
    this.script = Files.createTempFile("earshot-wrk", ".lua");
    script.toFile().deleteOnExit();
    Files.writeString(script, REPORT, StandardCharsets.UTF_8);
  }

  @Override
  public QueryLoad.Result run(URI uri) throws Exception {
    long[] warm = wrk(uri, warmUp);
    long[] r = wrk(uri, timed);
    long ok = r[0] - r[4];
    long errors = r[3] + r[4];
    return new QueryLoad.Result(
        ok / (r[1] / 1e6),
        r[5] / 1e3,
        r[6] / 1e3,
        r[7] / 1e3,
        r[8] / 1e3,
        ok,
        errors,
        warm[3] + warm[4],
        r[0] == 0 ? 0 : (double) r[2] / r[0],
        errors == 0 ? null : "wrk counted " + errors + " errors (status or socket)");
  }

  /** Runs wrk once and returns the numbers of its WRK line. */
  private long[] wrk(URI uri, Duration phase) throws Exception {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "wrk",
            "-t1",
            "-c" + connections,
            "-d" + Math.max(1, phase.toSeconds()) + "s",
            "--timeout",
            QueryLoad.REQUEST_TIMEOUT.toSeconds() + "s",
            "-s",
            script.toString(),
            uri.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(phase.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    for (String line : output.split("\n")) {
      if (line.startsWith("WRK ")) {
        String[] parts = line.substring(4).trim().split(" ");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
          numbers[i] = Long.parseLong(parts[i]);
        }
        return numbers;
      }
    }
    throw new IllegalStateException("wrk printed no figures: " + output);
  }
}
