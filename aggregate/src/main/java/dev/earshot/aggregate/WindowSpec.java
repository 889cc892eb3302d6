package dev.earshot.aggregate;

import dev.earshot.schemas.views.WindowSize;
import java.time.Duration;

/**
 * One window size of a view with its rules: posts whose window ended more than {@code grace} ago
 * (in stream time) no longer count in it, and windows stay queryable for {@code retention}.
 */
public record WindowSpec(WindowSize size, Duration grace, Duration retention) {
  public WindowSpec {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("the grace of " + size + " windows cannot be negative");
    }
    if (retention.compareTo(size.duration().plus(grace)) < 0) {
      throw new IllegalArgumentException(
          "the retention of "
              + size
              + " windows ("
              + retention
              + ") must be at least the window plus its grace ("
              + size.duration().plus(grace)
              + ")");
    }
  }

  /** The end boundary of the last window closed at this stream time (window ends up to it). */
  long closedThrough(long streamTime) {
    return size.windowStart(streamTime - grace.toMillis());
  }
}
