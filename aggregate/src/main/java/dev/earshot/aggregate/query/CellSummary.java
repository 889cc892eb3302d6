package dev.earshot.aggregate.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.cell.Sketches;
import dev.earshot.schemas.views.Dimension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell's figures as the API returns them. {@code score_sum} is there so that answers can be added
 * up exactly (means cannot be); unique authors and top items are sketch estimates with their error
 * bounds. {@code previous_posts} and {@code growth} are only there when a list is ranked by growth;
 * the sketch figures are left out of a series' windows unless {@code detail=full}.
 */
public record CellSummary(
    Map<String, String> labels,
    long posts,
    long positive,
    long neutral,
    long negative,
    double negativeShare,
    double meanScore,
    double scoreSum,
    long likes,
    long shares,
    long replies,
    long views,
    long reach,
    @JsonInclude(JsonInclude.Include.NON_NULL) Sketches.Estimate uniqueAuthors,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Sketches.TopItem> topAuthors,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Sketches.TopItem> topHashtags,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long previousPosts,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double growth) {
  public static CellSummary of(CellKey key, Cell cell) {
    return of(key, cell, true);
  }

  /**
   * @param sketches whether to read the sketches (unique authors, top authors and hashtags); a
   *     series leaves them out of every window unless asked, as they are most of its size and cost
   */
  public static CellSummary of(CellKey key, Cell cell, boolean sketches) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Dimension dimension : key.view().dimensions()) {
      labels.put(dimension.field(), key.label(dimension));
    }
    long posts = cell.posts();
    return new CellSummary(
        labels,
        posts,
        cell.positive(),
        cell.neutral(),
        cell.negative(),
        posts == 0 ? 0.0 : (double) cell.negative() / posts,
        posts == 0 ? 0.0 : cell.scoreSum() / posts,
        cell.scoreSum(),
        cell.likes(),
        cell.shares(),
        cell.replies(),
        cell.views(),
        cell.reach(),
        sketches ? cell.uniqueAuthors() : null,
        sketches ? cell.topAuthors(Sketches.TOP_ITEMS) : null,
        sketches ? cell.topHashtags(Sketches.TOP_ITEMS) : null,
        null,
        null);
  }

  /**
   * This cell beside the same cell over the previous range of equal length: growth is the change in
   * posts relative to that range's posts (at least 1, so a cell new in this range grows by its
   * posts).
   */
  public CellSummary withPrevious(long previous) {
    return new CellSummary(
        labels,
        posts,
        positive,
        neutral,
        negative,
        negativeShare,
        meanScore,
        scoreSum,
        likes,
        shares,
        replies,
        views,
        reach,
        uniqueAuthors,
        topAuthors,
        topHashtags,
        previous,
        (double) (posts - previous) / Math.max(previous, 1));
  }
}
