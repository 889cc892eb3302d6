package dev.earshot.aggregate.alert;

import dev.earshot.aggregate.cell.CellKey;
import java.time.Instant;

/**
 * The keys of a view's alerts store: {@code active|<kind>|<cell>} holds the running spike of a
 * cell, {@code at|<window start, 16 digits>|<id>} every alert raised, so a time range is a key
 * range.
 */
public final class AlertKeys {
  private static final String HISTORY = "at|";

  private AlertKeys() {}

  /** An alert's id: the kind, the cell and the window the spike started in. */
  static String id(Judge.Kind kind, CellKey cell, long start) {
    return kind.id() + "|" + cell.encode() + "|" + Instant.ofEpochMilli(start);
  }

  static String active(Judge.Kind kind, CellKey cell) {
    return "active|" + kind.id() + "|" + cell.encode();
  }

  static String history(long start, String id) {
    return historyFrom(start) + "|" + id;
  }

  /** The least history key of spikes that started at or after {@code start}. */
  public static String historyFrom(long start) {
    return HISTORY + String.format("%016d", start);
  }

  /** The greatest history key of spikes that started before {@code end}. */
  public static String historyBefore(long end) {
    return historyFrom(end - 1) + "|\uffff";
  }
}
