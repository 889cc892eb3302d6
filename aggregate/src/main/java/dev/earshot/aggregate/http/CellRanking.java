package dev.earshot.aggregate.http;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.query.CellSummary;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cells of a view a list shows and in which order: {@code <dimension>=<label>} keeps only the
 * cells with that label (e.g. {@code brand=acme}); {@code rank=posts} (default) puts the most posts
 * first, {@code rank=negative_share} the largest share of negative posts, {@code rank=growth} the
 * largest growth against the previous range of equal length; ties by posts, then labels.
 */
final class CellRanking {
  enum Rank {
    POSTS,
    NEGATIVE_SHARE,
    GROWTH
  }

  private final Map<Dimension, String> filters;
  private final Rank rank;

  CellRanking(Map<Dimension, String> filters, Rank rank) {
    this.filters = filters;
    this.rank = rank;
  }

  static CellRanking from(Context ctx, View view) {
    Map<Dimension, String> filters = new LinkedHashMap<>();
    for (Dimension dimension : view.dimensions()) {
      String label = ctx.queryParam(dimension.field());
      if (label != null) {
        filters.put(dimension, QueryParams.label(dimension.field(), label));
      }
    }
    return new CellRanking(filters, QueryParams.choice(ctx, "rank", Rank.class, Rank.POSTS));
  }

  /** Whether the ranking needs the cells of the previous range of equal length. */
  boolean needsPrevious() {
    return rank == Rank.GROWTH;
  }

  /**
   * @param previous the cells of the previous range when {@link #needsPrevious()}, else ignored
   */
  List<CellSummary> apply(Map<String, Cell> cells, Map<String, Cell> previous) {
    List<CellSummary> kept = new ArrayList<>();
    cells.forEach(
        (encoded, cell) -> {
          CellKey key = CellKey.decode(encoded);
          for (Map.Entry<Dimension, String> filter : filters.entrySet()) {
            if (!filter.getValue().equals(key.label(filter.getKey()))) {
              return;
            }
          }
          CellSummary summary = CellSummary.of(key, cell);
          if (needsPrevious()) {
            Cell before = previous.get(encoded);
            summary = summary.withPrevious(before == null ? 0 : before.posts());
          }
          kept.add(summary);
        });
    Comparator<CellSummary> order =
        switch (rank) {
          case POSTS -> Comparator.comparingLong(CellSummary::posts).reversed();
          case NEGATIVE_SHARE ->
              Comparator.comparingDouble(CellSummary::negativeShare)
                  .reversed()
                  .thenComparing(Comparator.comparingLong(CellSummary::posts).reversed());
          case GROWTH ->
              Comparator.comparingDouble(CellSummary::growth)
                  .reversed()
                  .thenComparing(Comparator.comparingLong(CellSummary::posts).reversed());
        };
    kept.sort(order.thenComparing(c -> String.join("|", c.labels().values())));
    return kept;
  }
}
