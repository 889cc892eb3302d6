package dev.earshot.aggregate.query;

import java.time.Instant;
import java.util.List;

/** One cell over a time range: its totals and the windows behind them. */
public record CellSeries(
    String view,
    String interval,
    Instant from,
    Instant to,
    CellSummary totals,
    List<WindowFigures> windows) {

  public record WindowFigures(Instant start, Instant end, CellSummary figures) {}
}
