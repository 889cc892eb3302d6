package dev.earshot.aggregate.cell;

import java.nio.ByteBuffer;
import java.util.ArrayList;
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
  }

  /** The most frequent strings (authors or hashtags). */
  public static final class TopItems {
    private ItemsSketch<String> sketch;

    void add(String item) {
      if (sketch == null) {
        sketch = new ItemsSketch<>(ITEMS_MAP_SIZE);
      }
      sketch.update(item);
    }

    void merge(TopItems other) {
      if (other.sketch == null) {
        return;
      }
      if (sketch == null) {
        sketch = new ItemsSketch<>(ITEMS_MAP_SIZE);
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
      for (ItemsSketch.Row<String> row : sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
        top.add(new TopItem(row.getItem(), row.getEstimate(), maxError));
      }
      top.sort(
          (a, b) ->
              a.estimate() != b.estimate()
                  ? Long.compare(b.estimate(), a.estimate())
                  : a.item().compareTo(b.item()));
      return top.size() > limit ? new ArrayList<>(top.subList(0, limit)) : top;
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
