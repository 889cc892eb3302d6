package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.TopItem;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.views.View;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** What the views publish: updates on the wall-clock interval, one final record per window. */
class ViewOutputTest extends ViewTopologyTest {
  private static final String CELL = "parents|rewards|2026-11-16T10:00:00Z";

  @Test
  void updatesCarryTheLatestValueOfEachChangedWindowOncePerInterval() {
    sendCell(H10.plusSeconds(5), "parents", "rewards");
    sendCell(H10.plusSeconds(6), "parents", "rewards");
    assertThat(read(View.AUDIENCE_TOPIC, HOUR, false)).isEmpty(); // nothing before the interval

    driver.advanceWallClockTime(Duration.ofSeconds(10));
    List<KeyValue<String, ViewWindow>> first = read(View.AUDIENCE_TOPIC, HOUR, false);
    driver.advanceWallClockTime(Duration.ofSeconds(10)); // nothing changed since
    List<KeyValue<String, ViewWindow>> idle = read(View.AUDIENCE_TOPIC, HOUR, false);

    assertThat(first).extracting(kv -> kv.key).containsExactly(CELL);
    assertThat(first.get(0).value.getPosts()).isEqualTo(2);
    assertThat(first.get(0).value.getClosed()).isFalse();
    assertThat(idle).isEmpty();
    assertThat(read(View.AUDIENCE_TOPIC, HOUR, true)).isEmpty(); // not closed yet
  }

  @Test
  void theFinalRecordIsSentOnceWhenStreamTimePassesTheEndPlusGrace() {
    sendCell(H10.plusSeconds(5), "parents", "rewards");
    sendCell(H11.plusSeconds(3599), "parents", "rewards"); // stream time 11:59:59: still open
    assertThat(read(View.AUDIENCE_TOPIC, HOUR, true)).isEmpty();

    sendCell(H12, "parents", "rewards"); // stream time 12:00: 10-11 closes
    sendCell(H12.plusSeconds(60), "parents", "rewards");

    List<KeyValue<String, ViewWindow>> finals = read(View.AUDIENCE_TOPIC, HOUR, true);
    assertThat(finals).extracting(kv -> kv.key).containsExactly(CELL);
    assertThat(finals.get(0).value.getPosts()).isEqualTo(1);
    assertThat(finals.get(0).value.getClosed()).isTrue();
    // Upserting readers of the updates topic see the window closed too.
    assertThat(read(View.AUDIENCE_TOPIC, HOUR, false))
        .filteredOn(kv -> kv.key.equals(CELL))
        .extracting(kv -> kv.value.getClosed())
        .containsExactly(true);
  }

  @Test
  void finalsFollowStreamTimeAcrossSeveralWindowsAtOnce() {
    sendCell(H10.plusSeconds(5), "parents", "rewards");
    sendCell(H11.plusSeconds(5), "parents", "rewards");
    sendCell(H11.plusSeconds(6), "parents", "rewards");
    sendCell(H12.plusSeconds(7200), "retirees", "fees"); // 14:00: 10-11 and 11-12 close at once

    assertThat(read(View.AUDIENCE_TOPIC, HOUR, true))
        .extracting(kv -> kv.key + "=" + kv.value.getPosts())
        .containsExactly(CELL + "=1", "parents|rewards|2026-11-16T11:00:00Z=2");
    sendCell(H12.plusSeconds(7201), "retirees", "fees");
    assertThat(read(View.AUDIENCE_TOPIC, HOUR, true)).isEmpty();
  }

  @Test
  void aRecordIsFlatWithEveryDimensionOfTheViewAndNullForTheOthers() {
    EnrichedPost p = byAuthor(post("a", H10, Sentiments.POSITIVE, 0.5), "alice", 50, "#fees!");
    p.setBrands(List.of("acme"));
    p.setTopics(List.of("fees"));
    send(p);
    send(byAuthor(post("b", H10, Sentiments.NEGATIVE, -0.3), "bob", 5, "no tags"));
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    ViewWindow w = read(View.BRAND_TOPIC, HOUR, false).get(0).value;

    assertThat(w.getView()).isEqualTo("brand-topic");
    assertThat(w.getBrand()).isEqualTo("acme");
    assertThat(w.getTopic()).isEqualTo("fees");
    assertThat(w.getAudience()).isNull();
    assertThat(w.getDepartment()).isNull();
    assertThat(w.getStage()).isNull();
    assertThat(w.getWindowStart()).isEqualTo(H10);
    assertThat(w.getWindowEnd()).isEqualTo(H11);
    assertThat(w.getPosts()).isEqualTo(1);
    assertThat(w.getPositive()).isEqualTo(1);
    assertThat(w.getScoreSum()).isCloseTo(0.5, within(1e-9));
    assertThat(w.getReach()).isEqualTo(50);
    assertThat(w.getLikes()).isEqualTo(3);
    assertThat(w.getUniqueAuthors()).isEqualTo(1);
    assertThat(w.getTopAuthors()).containsExactly(new TopItem("twitter:@alice", 1L, 0L));
    assertThat(w.getTopHashtags()).containsExactly(new TopItem("fees", 1L, 0L));
    ViewWindow unassigned =
        read(View.BRAND, HOUR, false).stream()
            .filter(kv -> kv.key.startsWith("unassigned|"))
            .findFirst()
            .orElseThrow()
            .value;
    assertThat(unassigned.getPosts()).isEqualTo(1);
    assertThat(unassigned.getNegative()).isEqualTo(1);
  }
}
