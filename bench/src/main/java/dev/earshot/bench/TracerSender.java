package dev.earshot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/** Sends the posts to ingest at a fixed rate, noting when ingest acknowledged each tracer. */
final class TracerSender {
  private final HttpClient http;
  private final URI uri;
  private final FreshnessPosts posts;
  private final FreshnessBenchmark.Settings settings;

  /** Threads sending, each one request at a time. */
  static final int SENDERS = 64;

  private final AtomicLongArray tracerAcks;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLongArray ackNanos;
  private final AtomicInteger tracersSent = new AtomicInteger();

  TracerSender(
      HttpClient http, URI uri, FreshnessPosts posts, FreshnessBenchmark.Settings settings) {
    this.http = http;
    this.uri = uri;
    this.posts = posts;
    this.settings = settings;
    this.tracerAcks = new AtomicLongArray(settings.tracers());
    this.ackNanos = new AtomicLongArray(settings.total());
  }

  /**
   * Sends every post from {@link #SENDERS} threads, each sending its share (post n from thread n
   * mod SENDERS) synchronously when it is due: a fixed rate while the pipeline keeps up, and a
   * bounded number of open requests and connections when it does not.
   *
   * @param from the first post (0-based) this call sends, at once
   * @param to the post after the last
   */
  void run(int from, int to) throws InterruptedException {
    long interval = 1_000_000_000L / settings.rate();
    long start = System.nanoTime() - from * interval;
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int first = from + s;
      Thread thread =
          new Thread(
              () -> {
                for (int n = first; n < to; n += SENDERS) {
                  long wait = start + n * interval - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  send(n);
                }
              },
              "sender-" + s);
      thread.start();
      senders.add(thread);
    }
    for (Thread sender : senders) {
      sender.join();
    }
  }

  private void send(int n) {
    int every = settings.every();
    boolean tracer = n % every == 0;
    int tracerIndex = n / every;
    String body = tracer ? posts.tracer(tracerIndex) : posts.background(n);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long sent = System.nanoTime();
    if (tracer) {
      tracersSent.accumulateAndGet(tracerIndex + 1, Math::max);
    }
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      long now = System.nanoTime();
      if (response.statusCode() == 202) {
        acked.incrementAndGet();
        ackNanos.set(n, now - sent);
        if (tracer) {
          tracerAcks.set(tracerIndex, now);
        }
        return;
      }
    } catch (java.io.IOException e) {
      // counted as failed below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failed.incrementAndGet();
  }

  int tracersSent() {
    return tracersSent.get();
  }

  long tracersAcked() {
    long count = 0;
    for (int i = 0; i < tracersSent.get(); i++) {
      count += tracerAcks.get(i) == 0 ? 0 : 1;
    }
    return count;
  }

  long tracerAck(int i) {
    return tracerAcks.get(i);
  }

  long acked() {
    return acked.get();
  }

  long failed() {
    return failed.get();
  }

  double ackMillis(double p) {
    double[] sorted =
        IntStream.range(0, ackNanos.length())
            .mapToLong(ackNanos::get)
            .filter(v -> v > 0)
            .mapToDouble(v -> v / 1e6)
            .sorted()
            .toArray();
    return FreshnessBenchmark.percentile(sorted, p);
  }
}
