package dev.earshot.aggregate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.query.CellSummary;
import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellRankingTest {
  private static Cell posts(int n) {
    Cell cell = Cell.empty();
    for (int i = 0; i < n; i++) {
      cell.add(
          PostFacts.newBuilder()
              .setPostKey("twitter:" + i)
              .setSentiment(Sentiments.NEUTRAL)
              .setScore(0)
              .setAuthor("twitter:@a")
              .setFollowers(0)
              .setHashtags(List.of())
              .build());
    }
    return cell;
  }

  private static String topic(String label) {
    return new CellKey(View.TOPIC, List.of(label)).encode();
  }

  @Test
  void growthRanksAgainstThePreviousRangeAndACellNewInTheRangeGrowsByItsPosts() {
    Map<String, Cell> now =
        Map.of(
            topic("rewards"),
            posts(20),
            topic("annual-fees"),
            posts(6),
            topic("fraud-security"),
            posts(9));
    Map<String, Cell> before = Map.of(topic("rewards"), posts(18), topic("annual-fees"), posts(2));

    List<CellSummary> ranked =
        new CellRanking(Map.of(), CellRanking.Rank.GROWTH).apply(now, before);

    assertThat(ranked)
        .extracting(c -> c.labels().get("topic"), CellSummary::previousPosts, CellSummary::growth)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fraud-security", 0L, 9.0),
            org.assertj.core.groups.Tuple.tuple("annual-fees", 2L, 2.0),
            org.assertj.core.groups.Tuple.tuple("rewards", 18L, 2 / 18.0));
  }

  @Test
  void otherRanksLeaveGrowthOutAndFiltersKeepOnlyTheirLabel() {
    Map<String, Cell> now = Map.of(topic("rewards"), posts(3), topic("annual-fees"), posts(5));

    List<CellSummary> ranked =
        new CellRanking(Map.of(Dimension.TOPIC, "rewards"), CellRanking.Rank.POSTS)
            .apply(now, Map.of());

    assertThat(ranked).hasSize(1);
    assertThat(ranked.get(0).growth()).isNull();
    assertThat(ranked.get(0).previousPosts()).isNull();
  }
}
