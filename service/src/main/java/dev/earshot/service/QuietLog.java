package dev.earshot.service;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that may repeat thousands of times a second (every request during an outage): logged as
 * one line without a stack trace, at most once per interval, with how many were left out. The
 * metric counts every one; the log only has to say that it is happening and why.
 */
public final class QuietLog {
  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong suppressed = new AtomicLong();

  public QuietLog(Logger log, java.time.Duration interval) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
  }

  /** Logs {@code message: cause} unless a line was logged less than an interval ago. */
  public void warn(String message, Throwable cause) {
    warn(message + ": " + cause);
  }

  /** Logs {@code line} unless a line was logged less than an interval ago. */
  public void warn(String line) {
    long now = System.nanoTime();
    long next = nextAt.get();
    if ((next != Long.MIN_VALUE && now - next < 0)
        || !nextAt.compareAndSet(next, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long left = suppressed.getAndSet(0);
    log.warn("{}{}", line, left == 0 ? "" : " (" + left + " more like it not logged)");
  }
}
