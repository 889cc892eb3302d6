package dev.earshot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load generator: a fixed number of client threads, each sending one {@code GET} and
 * waiting for the whole answer before it sends the next, for a warm-up and then a timed phase.
 * Every answer that completes inside the timed phase counts: a 200 in the throughput and the
 * latencies (from sending the request to the last byte of the body, on the client), anything else
 * (another status, a timeout, a refused connection) as an error, with the first one kept to be
 * shown. Errors in the warm-up are counted too.
 */
final class QueryLoad {
  /** A request that takes longer counts as an error (it is a timeout, not a latency). */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final int threads;
  private final Duration warmUp;
  private final Duration timed;

  QueryLoad(HttpClient http, int threads, Duration warmUp, Duration timed) {
    this.http = http;
    this.threads = threads;
    this.warmUp = warmUp;
    this.timed = timed;
  }

  /** One timed phase's figures; latencies in milliseconds. */
  record Result(
      double perSecond,
      double p50,
      double p90,
      double p99,
      double max,
      long ok,
      long errors,
      long untimedErrors,
      double bytesPerAnswer,
      String firstError) {}

  /** What one client thread saw. */
  private static final class Tally {
    long[] nanos = new long[1 << 14];
    int ok;
    long bytes;
    long errors;
    long untimedErrors;
    String firstError;

    void ok(long latency, int size) {
      if (ok == nanos.length) {
        nanos = Arrays.copyOf(nanos, ok * 2);
      }
      nanos[ok++] = latency;
      bytes += size;
    }

    void error(boolean timed, String what) {
      if (timed) {
        errors++;
      } else {
        untimedErrors++;
      }
      if (firstError == null) {
        firstError = (timed ? "" : "(outside the timed phase) ") + what;
      }
    }
  }

  /** Asks {@code uri} from every client thread for the warm-up, then for the timed phase. */
  Result run(URI uri) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    long start = System.nanoTime();
    long timedFrom = start + warmUp.toNanos();
    long timedTo = timedFrom + timed.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Tally>> clients = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        clients.add(pool.submit(() -> client(request, timedFrom, timedTo)));
      }
      List<Tally> tallies = new ArrayList<>();
      for (Future<Tally> client : clients) {
        tallies.add(client.get());
      }
      return result(tallies);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One client thread: requests back to back until the timed phase is over. */
  private Tally client(HttpRequest request, long timedFrom, long timedTo) {
    Tally tally = new Tally();
    while (true) {
      long sent = System.nanoTime();
      if (sent >= timedTo) {
        return tally;
      }
      HttpResponse<byte[]> response = null;
      String failure = null;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return tally;
      }
      long done = System.nanoTime();
      if (done < timedFrom || done >= timedTo) {
        // Outside the timed phase (the warm-up, or an answer that came after its end): only errors
        // are kept, counted apart, never dropped.
        if (failure != null || response.statusCode() != 200) {
          tally.error(false, describe(response, failure));
        }
      } else if (failure == null && response.statusCode() == 200) {
        tally.ok(done - sent, response.body().length);
      } else {
        tally.error(true, describe(response, failure));
      }
    }
  }

  private static String describe(HttpResponse<byte[]> response, String failure) {
    if (failure != null) {
      return failure;
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    return "HTTP " + response.statusCode() + ": " + body.substring(0, Math.min(300, body.length()));
  }

  private Result result(List<Tally> tallies) {
    int ok = tallies.stream().mapToInt(t -> t.ok).sum();
    long[] all = new long[ok];
    int at = 0;
    long bytes = 0;
    long errors = 0;
    long untimedErrors = 0;
    String firstError = null;
    for (Tally t : tallies) {
      System.arraycopy(t.nanos, 0, all, at, t.ok);
      at += t.ok;
      bytes += t.bytes;
      errors += t.errors;
      untimedErrors += t.untimedErrors;
      firstError = firstError == null ? t.firstError : firstError;
    }
    Arrays.sort(all);
    return new Result(
        ok / (timed.toNanos() / 1e9),
        percentile(all, 0.50),
        percentile(all, 0.90),
        percentile(all, 0.99),
        ok == 0 ? Double.NaN : all[ok - 1] / 1e6,
        ok,
        errors,
        untimedErrors,
        ok == 0 ? 0 : (double) bytes / ok,
        firstError);
  }

  /** The nearest-rank percentile of sorted latencies, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
