package dev.earshot.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.avro.CellStats;
import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.Sentiments;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodedWindowsTest {
  private static final String STORE = "windows-brand-1h";

  private static CellStats stored(int posts) {
    Cell cell = Cell.empty();
    for (int i = 0; i < posts; i++) {
      cell.add(
          PostFacts.newBuilder()
              .setPostKey("twitter:" + i)
              .setSentiment(Sentiments.NEGATIVE)
              .setScore(-0.5)
              .setAuthor("twitter:@a" + i)
              .setFollowers(1)
              .setHashtags(List.of("fees"))
              .build());
    }
    return cell.toStats();
  }

  @Test
  void anUnchangedWindowIsDecodedOnceAndAChangedOneAgain() {
    DecodedWindows windows = new DecodedWindows();

    Cell first = windows.cell(STORE, "acme", 0L, stored(2));
    Cell same = windows.cell(STORE, "acme", 0L, stored(2));
    Cell grown = windows.cell(STORE, "acme", 0L, stored(3));
    Cell otherWindow = windows.cell(STORE, "acme", 3_600_000L, stored(2));

    assertThat(same).isSameAs(first);
    assertThat(grown).isNotSameAs(first);
    assertThat(grown.posts()).isEqualTo(3);
    assertThat(grown.uniqueAuthors().estimate()).isEqualTo(3);
    assertThat(otherWindow).isNotSameAs(first);
    assertThat(windows.cell(STORE, "acme", 0L, stored(3))).isSameAs(grown);
  }

  @Test
  void keepsAtMostItsBound() {
    DecodedWindows windows = new DecodedWindows();
    CellStats stats = stored(1);
    for (long start = 0; start < DecodedWindows.MAX_WINDOWS + 10; start++) {
      windows.cell(STORE, "acme", start, stats);
    }
    assertThat(windows.size()).isBetween(1, DecodedWindows.MAX_WINDOWS);
  }
}
