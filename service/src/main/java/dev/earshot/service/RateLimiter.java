package dev.earshot.service;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code perSecond} requests a second on average, bursts of up to {@code
 * burst}. A client over its rate gets 429 with Retry-After, so one busy or broken caller cannot
 * take the service from the others. Zero per second: no limit.
 */
public final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = Math.max(burst, 1);
  }

  public boolean enabled() {
    return perSecond > 0;
  }

  /** Takes one request from the client's bucket; false if it is empty. */
  public boolean tryAcquire(String client) {
    return tryAcquire(client, System.nanoTime());
  }

  boolean tryAcquire(String client, long nowNanos) {
    if (!enabled()) {
      return true;
    }
    if (buckets.size() > 100_000) {
      buckets.clear(); // many distinct clients (addresses): start over rather than grow forever
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowNanos));
    synchronized (bucket) {
      bucket.tokens =
          Math.min(burst, bucket.tokens + (nowNanos - bucket.updatedNanos) * perSecond / 1e9);
      bucket.updatedNanos = nowNanos;
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    }
  }

  private static final class Bucket {
    double tokens;
    long updatedNanos;

    Bucket(double tokens, long updatedNanos) {
      this.tokens = tokens;
      this.updatedNanos = updatedNanos;
    }
  }
}
