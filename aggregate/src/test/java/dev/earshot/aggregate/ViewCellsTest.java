package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.Sketches;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.View;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** Which cells of which views a post is counted in, and what a cell adds up. */
class ViewCellsTest extends ViewTopologyTest {
  @Test
  void postIsCountedOnceInEveryCellOfEveryView() {
    EnrichedPost p =
        labelled(H10.plusSeconds(900), List.of("newlyweds", "parents"), List.of("rewards", "fees"));
    p.setBrands(List.of("acme", "globex"));
    p.setDepartment("service");
    send(p);

    for (String cell :
        List.of("newlyweds|rewards", "newlyweds|fees", "parents|rewards", "parents|fees")) {
      assertThat(posts(View.AUDIENCE_TOPIC, HOUR, cell, H10)).as(cell).isEqualTo(1);
    }
    for (String cell : List.of("acme|rewards", "acme|fees", "globex|rewards", "globex|fees")) {
      assertThat(posts(View.BRAND_TOPIC, HOUR, cell, H10)).as(cell).isEqualTo(1);
    }
    assertThat(posts(View.BRAND_AUDIENCE, HOUR, "globex|parents", H10)).isEqualTo(1);
    assertThat(posts(View.BRAND, HOUR, "acme", H10)).isEqualTo(1);
    assertThat(posts(View.TOPIC, HOUR, "fees", H10)).isEqualTo(1);
    assertThat(posts(View.DEPARTMENT_BRAND, HOUR, "service|globex", H10)).isEqualTo(1);
    // No stage: the post is counted, under unassigned, so a view's cells add up to all posts.
    assertThat(posts(View.STAGE_BRAND, HOUR, "unassigned|acme", H10)).isEqualTo(1);
    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "newlyweds|unassigned", H10)).isZero();
  }

  @Test
  void cellsAreTheCrossProductOfEachViewsLabelsKeyedByViewAndLabels() {
    EnrichedPost p = labelled(H10, List.of("a1", "a2"), List.of("t1", "t2", "t3"));
    p.setBrands(List.of("b1", "b1"));

    List<KeyValue<String, PostFacts>> cells = AggregateTopology.cells("twitter:c", p);

    assertThat(cells)
        .extracting(kv -> kv.key)
        .filteredOn(k -> k.startsWith("audience-topic|"))
        .containsExactly(
            "audience-topic|a1|t1",
            "audience-topic|a1|t2",
            "audience-topic|a1|t3",
            "audience-topic|a2|t1",
            "audience-topic|a2|t2",
            "audience-topic|a2|t3");
    // A brand named twice is one cell; a missing stage is "unassigned".
    assertThat(cells)
        .extracting(kv -> kv.key)
        .filteredOn(k -> k.startsWith("brand|") || k.startsWith("stage-brand|"))
        .containsExactly("brand|b1", "stage-brand|unassigned|b1");
    assertThat(cells).hasSize(6 + 3 + 2 + 1 + 3 + 1 + 1);
    assertThat(cells).extracting(kv -> kv.value.getPostKey()).containsOnly("twitter:c");
  }

  @Test
  void aCellAddsUpSentimentEngagementReachAuthorsAndHashtags() {
    send(byAuthor(post("a", H10, Sentiments.POSITIVE, 0.5), "Alice", 1000, "love #Fees #fees"));
    send(byAuthor(post("b", H10, Sentiments.NEGATIVE, -0.25), "@alice", 1000, "hmm #fees"));
    send(byAuthor(post("c", H10, Sentiments.NEUTRAL, 0.0), "bob", 10, "#rewards and #fees"));
    send(post("d", H10, Sentiments.POSITIVE, 0.75)); // no author: counted, not an author

    Cell cell = stored(View.AUDIENCE_TOPIC, HOUR, "unassigned|unassigned", H10);
    assertThat(cell.posts()).isEqualTo(4);
    assertThat(List.of(cell.positive(), cell.neutral(), cell.negative()))
        .containsExactly(2L, 1L, 1L);
    assertMean(cell, 0.25);
    assertThat(List.of(cell.likes(), cell.shares(), cell.replies(), cell.views()))
        .containsExactly(9L, 6L, 3L, 300L);
    assertThat(cell.reach()).isEqualTo(2010);
    assertThat(cell.uniqueAuthors().estimate()).isEqualTo(2); // Alice and @alice are one
    assertThat(cell.uniqueAuthors().low()).isLessThanOrEqualTo(2);
    assertThat(cell.uniqueAuthors().high()).isGreaterThanOrEqualTo(2);
    assertThat(cell.topAuthors(10))
        .containsExactly(
            new Sketches.TopItem("twitter:@alice", 2, 0),
            new Sketches.TopItem("twitter:@bob", 1, 0));
    assertThat(cell.topHashtags(10)) // a hashtag twice in one post counts once
        .containsExactly(new Sketches.TopItem("fees", 3, 0), new Sketches.TopItem("rewards", 1, 0));
  }

  @Test
  void windowsFollowCreatedAtAndTheirEdges() {
    sendCell(Instant.parse("2026-11-16T10:00:00Z"), "parents", "rewards");
    sendCell(Instant.parse("2026-11-16T10:59:59.999Z"), "parents", "rewards");
    sendCell(Instant.parse("2026-11-16T11:00:00Z"), "parents", "rewards");

    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "parents|rewards", H10)).isEqualTo(2);
    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "parents|rewards", H11)).isEqualTo(1);
  }

  @Test
  void recordsBreakingThePostContractAreDeadLetteredWithTheReasonAndNotCounted() {
    EnrichedPost ok = labelled(H10, List.of("newlyweds"), List.of("rewards"));
    ok.getPost().setId("1");
    EnrichedPost ancient = labelled(Instant.parse("1969-12-31T23:00:00Z"), List.of(), List.of());
    ancient.getPost().setId("2");

    in.pipeInput((String) null, ok, H10);
    in.pipeInput("twitter:2", ancient, H10); // Streams would drop it silently
    in.pipeInput("twitter:1", ok, H10);

    List<DeadLetter> dead = deadLetters();
    assertThat(dead)
        .satisfiesExactly(
            d -> assertThat(d.message()).contains("no key"),
            d -> assertThat(d.message()).contains("before 1970"));
    assertThat(dead)
        .allSatisfy(
            d -> {
              assertThat(d.stage()).isEqualTo(Stage.AGGREGATE);
              assertThat(d.reason()).isEqualTo("invalid");
              assertThat(d.topic()).isEqualTo(Topics.POSTS_ENRICHED);
              assertThat(enriched.valueSerde().deserializer().deserialize(d.topic(), d.value()))
                  .isNotNull();
            });
    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "newlyweds|rewards", H10)).isEqualTo(1);
  }
}
