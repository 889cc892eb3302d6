package dev.earshot.aggregate.query;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Share of voice: per topic, per audience, or over everything, each brand's share of the brand
 * mentions, from the cells of a brand view over a range. A post naming two brands is one mention of
 * each (as listening tools count share of voice), so the shares of a group add up to 1; posts
 * naming no brand (the {@code unassigned} brand) are left out.
 */
public final class ShareOfVoice {
  /** What the shares are split by, and the view whose cells they are computed from. */
  public enum By {
    TOPIC(View.BRAND_TOPIC, Dimension.TOPIC),
    AUDIENCE(View.BRAND_AUDIENCE, Dimension.AUDIENCE),
    ALL(View.BRAND, null);

    private final View view;
    private final Dimension group;

    By(View view, Dimension group) {
      this.view = view;
      this.group = group;
    }

    public View view() {
      return view;
    }

    /** The dimension the shares are grouped by, or null for one group of everything. */
    public Dimension group() {
      return group;
    }
  }

  /** One brand's share in a group; {@code own} marks the listening team's own brand. */
  public record BrandShare(
      String brand, boolean own, long posts, double share, long negative, double negativeShare) {}

  /** One group (a topic, an audience, or "all"), its mentions and its brands, largest first. */
  public record Group(String label, long mentions, List<BrandShare> brands) {}

  private ShareOfVoice() {}

  /**
   * @param cells the cells of {@code by.view()} over the range, keyed as {@link CellKey#encode()}
   * @param ownBrand the listening team's brand, or null when none is configured
   */
  public static List<Group> of(By by, Map<String, Cell> cells, String ownBrand) {
    Map<String, Map<String, Cell>> groups = new TreeMap<>();
    cells.forEach(
        (encoded, cell) -> {
          CellKey key = CellKey.decode(encoded);
          String brand = key.label(Dimension.BRAND);
          if (Dimension.UNASSIGNED.equals(brand)) {
            return;
          }
          String group = by.group() == null ? "all" : key.label(by.group());
          groups.computeIfAbsent(group, g -> new TreeMap<>()).merge(brand, cell, Cell::merge);
        });
    List<Group> out = new ArrayList<>();
    groups.forEach((label, brands) -> out.add(group(label, brands, ownBrand)));
    out.sort(Comparator.comparingLong(Group::mentions).reversed().thenComparing(Group::label));
    return out;
  }

  private static Group group(String label, Map<String, Cell> brands, String ownBrand) {
    long mentions = brands.values().stream().mapToLong(Cell::posts).sum();
    List<BrandShare> shares = new ArrayList<>();
    brands.forEach(
        (brand, cell) ->
            shares.add(
                new BrandShare(
                    brand,
                    brand.equals(ownBrand),
                    cell.posts(),
                    mentions == 0 ? 0.0 : (double) cell.posts() / mentions,
                    cell.negative(),
                    cell.posts() == 0 ? 0.0 : (double) cell.negative() / cell.posts())));
    shares.sort(
        Comparator.comparingLong(BrandShare::posts).reversed().thenComparing(BrandShare::brand));
    return new Group(label, mentions, shares);
  }
}
