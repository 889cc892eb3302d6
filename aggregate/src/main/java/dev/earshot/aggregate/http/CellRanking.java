package dev.earshot.aggregate.http;

import dev.earshot.aggregate.CellKey;
import dev.earshot.aggregate.cell.Cell;
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
 * first, {@code rank=negative_share} the largest share of negative posts; ties by labels.
 */
final class CellRanking {
  enum Rank {
    POSTS,
    NEGATIVE_SHARE
  }

  private final Map<Dimension, String> filters;
  private final Rank rank;

  private CellRanking(Map<Dimension, String> filters, Rank rank) {
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

  List<CellSummary> apply(Map<String, Cell> cells) {
    List<CellSummary> kept = new ArrayList<>();
    cells.forEach(
        (encoded, cell) -> {
          CellKey key = CellKey.decode(encoded);
          for (Map.Entry<Dimension, String> filter : filters.entrySet()) {
            if (!filter.getValue().equals(key.label(filter.getKey()))) {
              return;
            }
          }
          kept.add(CellSummary.of(key, cell));
        });
    Comparator<CellSummary> order =
        switch (rank) {
          case POSTS -> Comparator.comparingLong(CellSummary::posts).reversed();
          case NEGATIVE_SHARE ->
              Comparator.comparingDouble(CellSummary::negativeShare)
                  .reversed()
                  .thenComparing(Comparator.comparingLong(CellSummary::posts).reversed());
        };
    kept.sort(order.thenComparing(c -> String.join("|", c.labels().values())));
    return kept;
  }
}
