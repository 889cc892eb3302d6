package dev.earshot.aggregate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.query.CellSeries;
import dev.earshot.aggregate.query.Partial;
import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellSeriesOfTest {
  private static final CellKey KEY = new CellKey(View.BRAND, List.of("acme"));
  private static final WindowSize HOUR = WindowSize.parse("1h");
  private static final Instant H10 = Instant.parse("2026-11-16T10:00:00Z");

  private static Partial window(Instant start, String author) {
    Cell cell = Cell.empty();
    cell.add(
        PostFacts.newBuilder()
            .setPostKey("twitter:" + author)
            .setSentiment(Sentiments.NEUTRAL)
            .setScore(0)
            .setAuthor("twitter:@" + author)
            .setFollowers(1)
            .setHashtags(List.of("fees"))
            .build());
    return Partial.of(KEY.encode(), start.toEpochMilli(), cell);
  }

  @Test
  void windowsCarryTheSketchFiguresOnlyWhenAskedAndTheTotalsAlways() {
    List<Partial> found = List.of(window(H10, "a"), window(H10.plusSeconds(3600), "b"));
    QueryParams.Range range = new QueryParams.Range(H10, H10.plusSeconds(3 * 3600));

    CellSeries lean = CellSeriesOf.of(KEY, HOUR, range, found, true, false);
    CellSeries full = CellSeriesOf.of(KEY, HOUR, range, found, true, true);

    assertThat(lean.windows()).hasSize(3); // zero-filled third hour
    assertThat(lean.windows())
        .allSatisfy(
            w -> {
              assertThat(w.figures().uniqueAuthors()).isNull();
              assertThat(w.figures().topAuthors()).isNull();
            });
    assertThat(lean.windows().get(0).figures().posts()).isEqualTo(1);
    assertThat(lean.totals().posts()).isEqualTo(2);
    assertThat(lean.totals().uniqueAuthors().estimate()).isEqualTo(2);
    assertThat(lean.totals().topHashtags().get(0).estimate()).isEqualTo(2);
    assertThat(full.windows().get(0).figures().topAuthors()).hasSize(1);
    assertThat(full.windows().get(2).figures().uniqueAuthors().estimate()).isZero();
  }

  @Test
  void answersLeaveTheWindowsTheyAddUpUnchanged() {
    // windows may be shared by concurrent answers (ViewQueries keeps them decoded)
    Partial first = window(H10, "a");
    Partial again = window(H10, "b"); // the same start twice: added up in a new cell
    List<Partial> found = List.of(first, again, window(H10.plusSeconds(3600), "c"));
    QueryParams.Range range = new QueryParams.Range(H10, H10.plusSeconds(2 * 3600));

    CellSeries one = CellSeriesOf.of(KEY, HOUR, range, found, false, true);
    CellSeries two = CellSeriesOf.of(KEY, HOUR, range, found, false, true);

    assertThat(one.totals().posts()).isEqualTo(3);
    assertThat(one.windows().get(0).figures().posts()).isEqualTo(2);
    assertThat(two).usingRecursiveComparison().isEqualTo(one);
    assertThat(first.cell().posts()).isEqualTo(1);
    assertThat(again.cell().posts()).isEqualTo(1);
    assertThat(first.cell().uniqueAuthors().estimate()).isEqualTo(1);
  }
}
