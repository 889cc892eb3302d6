package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsABurstThenTheRateThenRefills() {
    RateLimiter limiter = new RateLimiter(2, 3);

    assertThat(limiter.tryAcquire("a", 0)).isTrue();
    assertThat(limiter.tryAcquire("a", 0)).isTrue();
    assertThat(limiter.tryAcquire("a", 0)).isTrue();
    assertThat(limiter.tryAcquire("a", 0)).isFalse();
    assertThat(limiter.tryAcquire("a", SECOND / 2)).isTrue(); // one token back after 0.5 s
    assertThat(limiter.tryAcquire("a", SECOND / 2)).isFalse();
    assertThat(limiter.tryAcquire("a", 10 * SECOND)).isTrue(); // never more than the burst
    assertThat(limiter.tryAcquire("a", 10 * SECOND)).isTrue();
    assertThat(limiter.tryAcquire("a", 10 * SECOND)).isTrue();
    assertThat(limiter.tryAcquire("a", 10 * SECOND)).isFalse();
  }

  @Test
  void clientsHaveTheirOwnBuckets() {
    RateLimiter limiter = new RateLimiter(1, 1);

    assertThat(limiter.tryAcquire("a", 0)).isTrue();
    assertThat(limiter.tryAcquire("a", 0)).isFalse();
    assertThat(limiter.tryAcquire("b", 0)).isTrue();
  }

  @Test
  void zeroPerSecondIsNoLimit() {
    RateLimiter limiter = new RateLimiter(0, 1);

    for (int i = 0; i < 1_000; i++) {
      assertThat(limiter.tryAcquire("a", 0)).isTrue();
    }
  }
}
