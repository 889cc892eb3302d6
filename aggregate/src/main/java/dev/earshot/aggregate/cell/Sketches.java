package dev.earshot.aggregate.cell;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * The two Apache DataSketches a cell keeps, in the configuration every store, instance and version
 * must share (sketches of different shapes still merge, but lose accuracy): an HLL sketch for
 * distinct authors and a frequent-items sketch for the top authors and hashtags. Both are created
 * only when a first item arrives, so a cell without authors or hashtags stores no bytes for them.
 */
public final class Sketches {
  /** HLL precision: 4,096 buckets, relative standard error 1.04 / sqrt(4096) = 1.6%. */
  public static final int HLL_LG_K = 12;

  public static final double HLL_RELATIVE_ERROR = 1.04 / Math.sqrt(1 << HLL_LG_K);

  /** Frequent-items map size: tracks up to 48 items (3/4 of it) exactly while few enough. */
  public static final int ITEMS_MAP_SIZE = 64;

  /**
   * Map size of the frequent-items sketch an answer adds windows up in (it is never stored): twice
   * a stored window's, so a total purges half as often and states a smaller error bound. Measured
   * on 7 daily windows and on 168 hourly ones (1,100 and 50 distinct authors each): as fast as the
   * stored size; 256 and more kept up to 4x the items and took 1.7x as long on the daily windows.
   */
  public static final int ANSWER_ITEMS_MAP_SIZE = 2 * ITEMS_MAP_SIZE;

  /** How many top authors and hashtags an answer or an output record lists. */
  public static final int TOP_ITEMS = 10;

  private static final ArrayOfStringsSerDe STRINGS = new ArrayOfStringsSerDe();
  private static final ByteBuffer NONE = ByteBuffer.wrap(new byte[0]);

  /** A distinct count with its 95% bounds (two standard deviations). */
  public record Estimate(long estimate, long low, long high, double relativeError) {}

  /** A frequent item; its true count lies in [estimate - maxError, estimate]. */
  public record TopItem(String item, long estimate, long maxError) {}

  /**
   * Distinct authors: an HLL sketch, or once merged into, a union that keeps merging without
   * converting its result back after every merge (the conversion costs more than the merge; it
   * happens once, when the cell is stored or answered).
   */
  public static final class Authors {
    private HllSketch sketch;
    private Union union;

    void add(String author) {
      if (union != null) {
        union.update(author);
        return;
      }
      if (sketch == null) {
        sketch = new HllSketch(HLL_LG_K, TgtHllType.HLL_4);
      }
      sketch.update(author);
    }

    void merge(Authors other) {
      HllSketch theirs = other.current();
      if (theirs == null) {
        return;
      }
      if (union == null) {
        union = new Union(HLL_LG_K);
        if (sketch != null) {
          union.update(sketch);
          sketch = null;
        }
      }
      union.update(theirs);
    }

    /** The sketch as it stands, or null when no author was counted. */
    private HllSketch current() {
      return union != null ? union.getResult(TgtHllType.HLL_8) : sketch;
    }

    Estimate estimate() {
      if (union == null && sketch == null) {
        return new Estimate(0, 0, 0, HLL_RELATIVE_ERROR);
      }
      double estimate = union != null ? union.getEstimate() : sketch.getEstimate();
      double low = union != null ? union.getLowerBound(2) : sketch.getLowerBound(2);
      double high = union != null ? union.getUpperBound(2) : sketch.getUpperBound(2);
      return new Estimate(
          Math.round(estimate), (long) Math.floor(low), (long) Math.ceil(high), HLL_RELATIVE_ERROR);
    }

    ByteBuffer bytes() {
      if (union != null) {
        return ByteBuffer.wrap(union.getResult(TgtHllType.HLL_4).toCompactByteArray());
      }
      return sketch == null ? NONE.duplicate() : ByteBuffer.wrap(sketch.toCompactByteArray());
    }

    static Authors read(ByteBuffer bytes) {
      Authors authors = new Authors();
      if (bytes != null && bytes.hasRemaining()) {
        authors.sketch = HllSketch.heapify(Cell.array(bytes));
      }
      return authors;
    }

    /**
     * As {@link #read}, in the form that merges fastest: a union takes an HLL_8 sketch of its own
     * size by a byte-wise maximum, but decodes an HLL_4 one slot by slot (a sixth of a one-cell
     * answer). Twice the memory of the stored form, so only for windows kept to be merged often.
     */
    static Authors readForMerging(ByteBuffer bytes) {
      Authors authors = read(bytes);
      HllSketch stored = authors.sketch;
      if (stored != null && stored.getTgtHllType() != TgtHllType.HLL_8) {
        authors.sketch = stored.copyAs(TgtHllType.HLL_8);
      }
      return authors;
    }
  }

  /** The most frequent strings (authors or hashtags). */
  public static final class TopItems {
    /** The map size of a sketch this creates: {@link #ITEMS_MAP_SIZE} for stored cells. */
    private final int mapSize;

    private ItemsSketch<String> sketch;

    TopItems() {
      this(ITEMS_MAP_SIZE);
    }

    TopItems(int mapSize) {
      this.mapSize = mapSize;
    }

    void add(String item) {
      if (sketch == null) {
        sketch = new ItemsSketch<>(mapSize);
      }
      sketch.update(item);
    }

    void merge(TopItems other) {
      if (other.sketch == null) {
        return;
      }
      if (sketch == null) {
        sketch = new ItemsSketch<>(mapSize);
      }
      sketch.merge(other.sketch);
    }

    /** At most {@code limit} items, most frequent first, then by name. */
    List<TopItem> top(int limit) {
      List<TopItem> top = new ArrayList<>();
      if (sketch == null) {
        return top;
      }
      long maxError = sketch.getMaximumError();
      ItemsSketch.Row<String>[] rows = sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
      if (rows.length == 0 || limit < 1) {
        return top;
      }
      // the estimate of the last item kept: only the items tied with it need their names compared
      // (an answer's total may hold hundreds of items seen once)
      long[] estimates = new long[rows.length];
      for (int i = 0; i < rows.length; i++) {
        estimates[i] = rows[i].getEstimate();
      }
      Arrays.sort(estimates);
      long last = estimates[Math.max(0, rows.length - limit)];
      List<String> tied = new ArrayList<>();
      for (ItemsSketch.Row<String> row : rows) {
        if (row.getEstimate() > last) {
          top.add(new TopItem(row.getItem(), row.getEstimate(), maxError));
        } else if (row.getEstimate() == last) {
          tied.add(row.getItem());
        }
      }
      top.sort(
          (a, b) ->
              a.estimate() != b.estimate()
                  ? Long.compare(b.estimate(), a.estimate())
                  : a.item().compareTo(b.item()));
      tied.sort(null);
      for (int i = 0; top.size() < limit && i < tied.size(); i++) {
        top.add(new TopItem(tied.get(i), last, maxError));
      }
      return top;
    }

    ByteBuffer bytes() {
      return sketch == null ? NONE.duplicate() : ByteBuffer.wrap(sketch.toByteArray(STRINGS));
    }

    static TopItems read(ByteBuffer bytes) {
      TopItems items = new TopItems();
      if (bytes != null && bytes.hasRemaining()) {
        items.sketch = ItemsSketch.getInstance(Memory.wrap(Cell.array(bytes)), STRINGS);
      }
      return items;
    }
  }

  private Sketches() {}
}
