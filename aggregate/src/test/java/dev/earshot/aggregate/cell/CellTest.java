package dev.earshot.aggregate.cell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.Sentiments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells add posts and merge like the stores and instances need: exact sums, sketch unions. */
class CellTest {
  private static PostFacts post(String author, String label, String... tags) {
    return PostFacts.newBuilder()
        .setPostKey("twitter:" + author + label)
        .setSentiment(label)
        .setScore(Sentiments.POSITIVE.equals(label) ? 0.5 : -0.5)
        .setAuthor(author)
        .setFollowers(10)
        .setHashtags(List.of(tags))
        .build();
  }

  @Test
  void mergingTwoCellsCountsSharedAuthorsOnceAndAddsEverythingElse() {
    Cell a = Cell.empty();
    Cell b = Cell.empty();
    for (int i = 0; i < 300; i++) {
      a.add(post("author-" + i, Sentiments.POSITIVE, "fees"));
    }
    for (int i = 200; i < 500; i++) {
      b.add(post("author-" + i, Sentiments.NEGATIVE, "fraud"));
    }

    Cell merged = Cell.empty().merge(a).merge(b);

    assertThat(merged.posts()).isEqualTo(600);
    assertThat(merged.positive()).isEqualTo(300);
    assertThat(merged.negative()).isEqualTo(300);
    assertThat(merged.reach()).isEqualTo(6000);
    // 500 distinct authors, not 600: the HLL union, within its stated bounds
    Sketches.Estimate authors = merged.uniqueAuthors();
    assertThat(authors.low()).isLessThanOrEqualTo(500);
    assertThat(authors.high()).isGreaterThanOrEqualTo(500);
    assertThat(Math.abs(authors.estimate() - 500)).isLessThanOrEqualTo(25);
    assertThat(merged.topHashtags(2))
        .extracting(Sketches.TopItem::item, Sketches.TopItem::estimate)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("fees", 300L),
            org.assertj.core.groups.Tuple.tuple("fraud", 300L));
    // the inputs are unchanged
    assertThat(a.posts()).isEqualTo(300);
    assertThat(b.uniqueAuthors().estimate()).isBetween(290L, 310L);
  }

  @Test
  void aCellSurvivesItsStoredFormWithItsSketches() {
    Cell cell = Cell.empty();
    cell.add(post("alice", Sentiments.POSITIVE, "fees", "rewards"));
    cell.add(post("alice", Sentiments.NEGATIVE, "fees"));
    cell.add(post("bob", Sentiments.NEUTRAL));

    Cell back = Cell.of(cell.toStats());

    assertThat(back.toStats()).isEqualTo(cell.toStats());
    assertThat(back.uniqueAuthors().estimate()).isEqualTo(2);
    assertThat(back.topAuthors(1)).containsExactly(new Sketches.TopItem("alice", 2, 0));
    assertThat(back.topHashtags(5))
        .containsExactly(new Sketches.TopItem("fees", 2, 0), new Sketches.TopItem("rewards", 1, 0));
  }

  @Test
  void aCellWithoutAuthorsOrHashtagsStoresNoSketchBytes() {
    Cell cell = Cell.empty().add(post(null, Sentiments.NEUTRAL));

    assertThat(cell.toStats().getAuthors().remaining()).isZero();
    assertThat(cell.toStats().getTopAuthors().remaining()).isZero();
    assertThat(cell.toStats().getTopHashtags().remaining()).isZero();
    assertThat(cell.uniqueAuthors().estimate()).isZero();
    assertThat(Cell.of(cell.toStats()).merge(cell).posts()).isEqualTo(2);
  }

  @Test
  void topItemsBeyondTheSketchCapacityStateTheirErrorBound() {
    Cell cell = Cell.empty();
    for (int i = 0; i < 2000; i++) {
      cell.add(post("a" + (i % 400), Sentiments.NEUTRAL));
    }
    for (int i = 0; i < 300; i++) {
      cell.add(post("loud", Sentiments.NEUTRAL));
    }

    Sketches.TopItem top = cell.topAuthors(1).get(0);
    assertThat(top.item()).isEqualTo("loud");
    assertThat(top.maxError()).isPositive();
    assertThat(top.estimate()).isBetween(300L, 300L + top.maxError());
  }

  @Test
  void aTotalAddsUpWindowsFullOfItemsWithoutLosingTheirCounts() {
    // two windows that each nearly fill their stored map with distinct authors, one author in both
    List<Cell> windows = new java.util.ArrayList<>();
    for (int w = 0; w < 2; w++) {
      Cell window = Cell.empty();
      for (int i = 0; i < 40; i++) {
        window.add(post("w" + w + "-" + i, Sentiments.NEUTRAL));
      }
      window.add(post("regular", Sentiments.NEUTRAL));
      windows.add(window);
    }

    Cell total = Cell.total();
    Cell stored = Cell.empty();
    windows.forEach(total::merge);
    windows.forEach(stored::merge);

    assertThat(total.topAuthors(1)).containsExactly(new Sketches.TopItem("regular", 2, 0));
    // the stored map size could not keep 81 authors exactly: the total's room is what helps
    assertThat(stored.topAuthors(1).get(0).maxError()).isPositive();
    assertThat(total.posts()).isEqualTo(82);
  }

  @Test
  void topItemsAreTheMostFrequentThenByNameUpToTheLimit() {
    Cell cell = Cell.empty();
    cell.add(post("x", Sentiments.NEUTRAL, "fees", "zeta", "beta", "alpha", "rates"));
    cell.add(post("x", Sentiments.NEUTRAL, "fees", "rates"));
    cell.add(post("x", Sentiments.NEUTRAL, "fees"));

    assertThat(cell.topHashtags(4))
        .extracting(Sketches.TopItem::item, Sketches.TopItem::estimate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fees", 3L),
            org.assertj.core.groups.Tuple.tuple("rates", 2L),
            org.assertj.core.groups.Tuple.tuple("alpha", 1L),
            org.assertj.core.groups.Tuple.tuple("beta", 1L));
    assertThat(cell.topHashtags(1)).extracting(Sketches.TopItem::item).containsExactly("fees");
    assertThat(cell.topHashtags(10)).hasSize(5);
    assertThat(cell.topHashtags(0)).isEmpty();
  }

  @Test
  void aWindowDecodedForMergingCountsAndMergesAsTheStoredOne() {
    Cell a = Cell.empty();
    Cell b = Cell.empty();
    for (int i = 0; i < 3000; i++) { // past the sketch's coupon modes, into its HLL array
      a.add(post("a" + i, Sentiments.NEUTRAL));
      b.add(post("a" + (i + 1500), Sentiments.NEUTRAL));
    }

    Cell stored = Cell.total().merge(Cell.of(a.toStats())).merge(Cell.of(b.toStats()));
    Cell forMerging =
        Cell.total().merge(Cell.forMerging(a.toStats())).merge(Cell.forMerging(b.toStats()));

    assertThat(Cell.forMerging(a.toStats()).uniqueAuthors())
        .isEqualTo(Cell.of(a.toStats()).uniqueAuthors());
    assertThat(forMerging.uniqueAuthors()).isEqualTo(stored.uniqueAuthors());
    assertThat(forMerging.uniqueAuthors().estimate()).isBetween(4400L, 4600L);
  }
}
