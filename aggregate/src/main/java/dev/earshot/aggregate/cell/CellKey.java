package dev.earshot.aggregate.cell;

import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell of a view: one label per dimension, in the view's order. Encoded {@code view|label|label},
 * which is the key on the repartition topic and in the view's window stores, so Kafka Streams finds
 * a cell's owner from the same bytes the stores are partitioned by.
 */
public record CellKey(View view, List<String> labels) {
  private static final char SEPARATOR = '|';

  public CellKey {
    if (labels.size() != view.dimensions().size()) {
      throw new IllegalArgumentException(
          view.id() + " has " + view.dimensions().size() + " dimensions, not " + labels.size());
    }
    for (String label : labels) {
      if (label.indexOf(SEPARATOR) >= 0) {
        throw new IllegalArgumentException("a label cannot contain '|': " + label);
      }
    }
    labels = List.copyOf(labels);
  }

  public String encode() {
    StringBuilder key = new StringBuilder(view.id());
    for (String label : labels) {
      key.append(SEPARATOR).append(label);
    }
    return key.toString();
  }

  public static CellKey decode(String key) {
    String[] parts = key.split("\\|", -1);
    View view =
        View.byId(parts[0])
            .orElseThrow(() -> new IllegalArgumentException("no view in cell key " + key));
    return new CellKey(view, List.of(parts).subList(1, parts.length));
  }

  /** The label of one of the view's dimensions. */
  public String label(Dimension dimension) {
    int at = view.dimensions().indexOf(dimension);
    return at < 0 ? null : labels.get(at);
  }

  /** Every cell of the view a post with these labels per dimension falls into. */
  public static List<CellKey> cells(View view, List<List<String>> labelsPerDimension) {
    List<List<String>> combinations = List.of(List.of());
    for (List<String> labels : labelsPerDimension) {
      List<List<String>> longer = new ArrayList<>(combinations.size() * labels.size());
      for (List<String> prefix : combinations) {
        for (String label : labels) {
          List<String> next = new ArrayList<>(prefix);
          next.add(label);
          longer.add(next);
        }
      }
      combinations = longer;
    }
    List<CellKey> cells = new ArrayList<>(combinations.size());
    for (List<String> labels : combinations) {
      cells.add(new CellKey(view, labels));
    }
    return cells;
  }
}
