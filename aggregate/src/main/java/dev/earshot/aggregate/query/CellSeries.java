package dev.earshot.aggregate.query;

import java.time.Instant;
import java.util.List;

/** One audience x topic cell over a time range: totals and the hourly windows behind them. */
public record CellSeries(
    String audience,
    String topic,
    Instant from,
    Instant to,
    Counts totals,
    List<WindowCounts> windows) {

  public record WindowCounts(Instant start, Instant end, Counts counts) {}
}
