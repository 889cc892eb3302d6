package dev.earshot.aggregate.query;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.avro.CellStats;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Windows read for one-cell answers, kept decoded between queries: decoding a window's sketches was
 * a tenth of a one-cell answer, and dashboards ask for the same recent windows again and again. The
 * store is still read for every answer (it says which windows exist and that this instance still
 * owns them); a kept cell stands in for the stored one only while the window's posts and score sum
 * are unchanged. A window's posts only grow as posts are counted, so the same count is the same
 * window; any other value is decoded again and kept instead.
 *
 * <p>Kept cells are shared by concurrent answers: they are only read (added into a {@link
 * Cell#total()}, summarised, encoded), never merged into.
 */
final class DecodedWindows {
  /**
   * At most this many windows are kept: about 40 MB at most, estimated (not measured) at 10 KB a
   * window with full sketches (a 4 KB HLL_8 array, two items sketches of up to 48 strings).
   */
  static final int MAX_WINDOWS = 4_096;

  private record WindowId(String store, String cell, long start) {}

  private record Kept(long posts, double scoreSum, Cell cell) {}

  private final ConcurrentHashMap<WindowId, Kept> kept = new ConcurrentHashMap<>();

  /** The window as a cell: the kept one when the stored window is unchanged since. */
  Cell cell(String store, String cell, long start, CellStats stats) {
    WindowId id = new WindowId(store, cell, start);
    Kept before = kept.get(id);
    if (before != null
        && before.posts() == stats.getPosts()
        && before.scoreSum() == stats.getScoreSum()) {
      return before.cell();
    }
    Cell decoded = Cell.forMerging(stats);
    if (kept.size() >= MAX_WINDOWS) {
      // The simplest bound that needs no bookkeeping per read: the windows asked for again come
      // back at their next read.
      kept.clear();
    }
    kept.put(id, new Kept(stats.getPosts(), stats.getScoreSum(), decoded));
    return decoded;
  }

  int size() {
    return kept.size();
  }
}
