package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.PostFacts;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.views.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The updates topic is sent from a window's cell as counted in memory when it is still buffered,
 * and from the store otherwise: both must give the same record, sketches included.
 */
class LiveCellOutputTest {
  private static final long HOUR = 3_600_000L;

  @Test
  void aWindowCountedInMemoryPublishesWhatItsStoredFormDoes() {
    CellKey key = new CellKey(View.TOPIC, List.of("fees"));
    // As ViewProcessor counts a window: panes merged into a cell read back from the store, over
    // several commits, with enough authors for the HLL sketch and hashtags for the items sketch
    // to leave their exact modes.
    Cell window = Cell.empty();
    int post = 0;
    for (int commit = 0; commit < 4; commit++) {
      window = Cell.of(window.toStats());
      for (int pane = 0; pane < 5; pane++) {
        Cell counted = Cell.empty();
        for (int i = 0; i < 400; i++, post++) {
          counted.add(post(post));
        }
        window.merge(counted);
      }
      ViewWindow live = ViewOutput.window(key, 0, HOUR, false, window);
      ViewWindow stored = ViewOutput.window(key, 0, HOUR, false, Cell.of(window.toStats()));

      assertThat(live).as("after commit " + commit).isEqualTo(stored);
    }
    assertThat(window.uniqueAuthors().estimate()).isGreaterThan(4_000);
    // More distinct tags than the sketch keeps: its counts carry an error bound.
    assertThat(window.topHashtags(10).get(0).maxError()).isPositive();
  }

  private static PostFacts post(int n) {
    return PostFacts.newBuilder()
        .setPostKey("twitter:" + n)
        .setSentiment(n % 3 == 0 ? Sentiments.NEGATIVE : Sentiments.POSITIVE)
        .setScore(n % 3 == 0 ? -0.5 : 0.5)
        .setAuthor("twitter:@author" + (n * 7919 % 6000))
        .setFollowers(n % 100)
        .setHashtags(List.of("tag" + (n % 500), "tag" + (n * 31 % 97)))
        .build();
  }
}
