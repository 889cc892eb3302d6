package dev.earshot.aggregate;

import dev.earshot.schemas.views.View;
import java.time.Instant;
import java.util.List;

/**
 * When a post (or a pane of posts) is too late for a window: its window of a size ended more than
 * that size's grace before stream time (the latest event time seen). One rule for the task that
 * counts posts into panes and for the one that adds panes to windows.
 */
final class Lateness {
  private Lateness() {}

  /** Whether the window of {@code spec} holding {@code timestamp} still takes posts. */
  static boolean open(WindowSpec spec, long timestamp, long streamTime) {
    long start = spec.size().windowStart(timestamp);
    return start + spec.size().millis() > streamTime - spec.grace().toMillis();
  }

  static boolean anyOpen(List<WindowSpec> specs, long timestamp, long streamTime) {
    for (WindowSpec spec : specs) {
      if (open(spec, timestamp, streamTime)) {
        return true;
      }
    }
    return false;
  }

  /** Why {@code what} at {@code timestamp} counts in no window of {@code view}. */
  static LateRecordException late(
      String what, View view, List<WindowSpec> specs, long timestamp, long streamTime) {
    // Name the size whose window closed last: it missed even that one.
    WindowSpec largest = specs.get(0);
    for (WindowSpec spec : specs) {
      if (closesAt(spec, timestamp) > closesAt(largest, timestamp)) {
        largest = spec;
      }
    }
    long start = largest.size().windowStart(timestamp);
    return new LateRecordException(
        "late: "
            + what
            + " at "
            + Instant.ofEpochMilli(timestamp)
            + " is in window ["
            + Instant.ofEpochMilli(start)
            + ", "
            + Instant.ofEpochMilli(start + largest.size().millis())
            + ") of "
            + view.id()
            + " "
            + largest.size()
            + ", closed: stream time "
            + Instant.ofEpochMilli(streamTime)
            + ", grace "
            + largest.grace());
  }

  private static long closesAt(WindowSpec spec, long timestamp) {
    return spec.size().windowStart(timestamp) + spec.size().millis() + spec.grace().toMillis();
  }
}
