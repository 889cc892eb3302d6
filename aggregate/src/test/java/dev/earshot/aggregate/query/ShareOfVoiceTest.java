package dev.earshot.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.views.View;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShareOfVoiceTest {
  private static Cell posts(int positive, int negative) {
    Cell cell = Cell.empty();
    for (int i = 0; i < positive + negative; i++) {
      cell.add(
          PostFacts.newBuilder()
              .setPostKey("twitter:" + i)
              .setSentiment(i < positive ? Sentiments.POSITIVE : Sentiments.NEGATIVE)
              .setScore(0)
              .setAuthor("twitter:@a" + i)
              .setFollowers(1)
              .setHashtags(List.of())
              .build());
    }
    return cell;
  }

  private static String key(View view, String... labels) {
    return new CellKey(view, List.of(labels)).encode();
  }

  @Test
  void eachTopicSplitsItsBrandMentionsAndMarksTheOwnBrandLeavingOutPostsWithoutABrand() {
    Map<String, Cell> cells = new TreeMap<>();
    cells.put(key(View.BRAND_TOPIC, "acme", "annual-fees"), posts(1, 2));
    cells.put(key(View.BRAND_TOPIC, "globex", "annual-fees"), posts(4, 1));
    cells.put(key(View.BRAND_TOPIC, "unassigned", "annual-fees"), posts(50, 0));
    cells.put(key(View.BRAND_TOPIC, "initech", "rewards"), posts(2, 0));

    List<ShareOfVoice.Group> groups = ShareOfVoice.of(ShareOfVoice.By.TOPIC, cells, "acme");

    assertThat(groups)
        .extracting(ShareOfVoice.Group::label)
        .containsExactly("annual-fees", "rewards");
    ShareOfVoice.Group fees = groups.get(0);
    assertThat(fees.mentions()).isEqualTo(8);
    assertThat(fees.brands())
        .extracting(
            ShareOfVoice.BrandShare::brand,
            ShareOfVoice.BrandShare::own,
            ShareOfVoice.BrandShare::posts,
            ShareOfVoice.BrandShare::share)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("globex", false, 5L, 5 / 8.0),
            org.assertj.core.groups.Tuple.tuple("acme", true, 3L, 3 / 8.0));
    assertThat(fees.brands().get(1).negativeShare()).isEqualTo(2 / 3.0);
    assertThat(groups.get(1).brands().get(0).share()).isEqualTo(1.0);
  }

  @Test
  void overEverythingTheBrandViewGivesOneGroupAndNoOwnBrandMarksNone() {
    Map<String, Cell> cells = new TreeMap<>();
    cells.put(key(View.BRAND, "acme"), posts(1, 0));
    cells.put(key(View.BRAND, "globex"), posts(3, 0));

    List<ShareOfVoice.Group> groups = ShareOfVoice.of(ShareOfVoice.By.ALL, cells, null);

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).label()).isEqualTo("all");
    assertThat(groups.get(0).brands()).noneMatch(ShareOfVoice.BrandShare::own);
    assertThat(groups.get(0).brands().get(0).share()).isEqualTo(0.75);
  }
}
