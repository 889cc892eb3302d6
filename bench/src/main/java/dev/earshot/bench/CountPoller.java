package dev.earshot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Asks for the tracer cell's posts every 10 ms; keeps when each new count was first seen. */
final class CountPoller {
  private final HttpClient http;
  private final URI uri;
  private final List<long[]> changes = new ArrayList<>();
  private volatile long latest;
  private long errors;

  CountPoller(HttpClient http, URI uri) {
    this.http = http;
    this.uri = uri;
  }

  void run(AtomicBoolean polling) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    while (polling.get()) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long now = System.nanoTime();
        if (response.statusCode() == 200) {
          JsonNode answer = FreshnessBenchmark.JSON.readTree(response.body());
          long posts = answer.path("result").path("totals").path("posts").asLong();
          synchronized (changes) {
            if (posts > latest) {
              changes.add(new long[] {now, posts});
              latest = posts;
            }
          }
        } else {
          errors++;
        }
        Thread.sleep(FreshnessBenchmark.POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.io.IOException e) {
        errors++;
      }
    }
    if (errors > 0) {
      System.out.printf("%s: %,d polls failed (not 200)%n", uri, errors);
    }
  }

  long latest() {
    return latest;
  }

  /** When the count was first seen at or above {@code count}, or 0. */
  long reachedAt(long count) {
    synchronized (changes) {
      for (long[] change : changes) {
        if (change[1] >= count) {
          return change[0];
        }
      }
    }
    return 0;
  }
}
