package dev.earshot.aggregate.http;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.query.CellSeries;
import dev.earshot.aggregate.query.CellSummary;
import dev.earshot.aggregate.query.Partial;
import dev.earshot.schemas.views.WindowSize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds one cell's answer from the owner's windows: totals by merging, optionally zero-filled. */
final class CellSeriesOf {
  static CellSeries of(
      CellKey key,
      WindowSize size,
      QueryParams.Range range,
      List<Partial> found,
      boolean zeros,
      boolean windowSketches) {
    Map<Long, Cell> byStart = new TreeMap<>();
    for (Partial partial : found) {
      byStart.merge(partial.start(), partial.cell(), Cell::sum);
    }
    if (zeros) {
      long first = size.windowStart(range.from().toEpochMilli());
      if (first < range.from().toEpochMilli()) {
        first += size.millis();
      }
      for (long start = first; start < range.to().toEpochMilli(); start += size.millis()) {
        byStart.putIfAbsent(start, Cell.empty());
      }
    }
    Cell total = Cell.total();
    List<CellSeries.WindowFigures> windows = new ArrayList<>();
    for (Map.Entry<Long, Cell> window : byStart.entrySet()) {
      windows.add(
          new CellSeries.WindowFigures(
              Instant.ofEpochMilli(window.getKey()),
              Instant.ofEpochMilli(window.getKey() + size.millis()),
              CellSummary.of(key, window.getValue(), windowSketches)));
      total.merge(window.getValue());
    }
    return new CellSeries(
        key.view().id(),
        size.token(),
        range.from(),
        range.to(),
        CellSummary.of(key, total),
        windows);
  }

  private CellSeriesOf() {}
}
