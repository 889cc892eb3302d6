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
}
