package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.views.View;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Posts that arrive after their windows closed: counted where still open, else dead-lettered. */
class ViewLatenessTest extends ViewTopologyTest {
  @Test
  void postWhoseWindowsAllClosedIsDeadLetteredOnceAsReadAndNotCounted() {
    sendCell(H12.plusSeconds(1800), "parents", "rewards"); // stream time 12:30, closes <= 11:30

    String key = sendCell(H10.plusSeconds(1800), "parents", "rewards");

    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "parents|rewards", H10)).isZero();
    List<DeadLetter> dead = deadLetters();
    assertThat(dead).hasSize(1);
    assertThat(late()).isEqualTo(1);
    DeadLetter letter = dead.get(0);
    // As read from posts.enriched: the post itself, under its own key.
    assertThat(key(letter.key())).isEqualTo(key);
    EnrichedPost post =
        enriched.valueSerde().deserializer().deserialize(enriched.name(), letter.value());
    assertThat(post.getPost().getCreatedAt()).isEqualTo(H10.plusSeconds(1800));
    assertThat(letter.stage()).isEqualTo(Stage.AGGREGATE);
    assertThat(letter.reason()).isEqualTo("late");
    assertThat(letter.message())
        .startsWith("late: post " + key)
        .contains("at 2026-11-16T10:30:00Z")
        .contains("[2026-11-16T10:00:00Z, 2026-11-16T11:00:00Z) of audience-topic 1h")
        .contains("stream time 2026-11-16T12:30:00Z")
        .contains("grace PT1H");
    assertThat(letter.topic()).isEqualTo(enriched.name());
    assertThat(letter.origin()).isEqualTo(enriched.name() + "-0@" + letter.offset());
  }

  @Test
  void outOfOrderWithinGraceIsCounted() {
    sendCell(H12.plusSeconds(1800), "parents", "rewards"); // stream time 12:30
    sendCell(H11.plusSeconds(900), "parents", "rewards"); // window 11-12 ends after 11:30

    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "parents|rewards", H11)).isEqualTo(1);
    assertThat(late()).isZero();
    assertThat(dlq.isEmpty()).isTrue();
  }

  @Test
  void windowEndingExactlyAtStreamTimeMinusGraceIsClosedAndTheNextIsOpen() {
    sendCell(H12, "parents", "rewards"); // stream time 12:00: windows ending <= 11:00 closed

    sendCell(H11.minusMillis(1), "parents", "rewards"); // window 10-11: late
    sendCell(H11, "parents", "rewards"); // window 11-12: open

    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "parents|rewards", H10)).isZero();
    assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "parents|rewards", H11)).isEqualTo(1);
    assertThat(late()).isGreaterThan(0);
  }

  @Test
  void lateRecordsDoNotMoveStreamTimeBack() {
    sendCell(H12.plusSeconds(1800), "parents", "rewards");
    sendCell(H10, "parents", "rewards"); // late
    double once = late();
    sendCell(H10.plusSeconds(60), "parents", "rewards"); // still late

    assertThat(late()).isEqualTo(2 * once);
  }

  /** Minutes with ten minutes of grace beside hours with one hour. */
  @Nested
  class SizesWithTheirOwnGrace {
    @Test
    void postLateForMinutesButNotForHoursCountsInItsHourOnly() {
      sendCell(H10.plusSeconds(1800), "parents", "rewards"); // stream time 10:30
      sendCell(H10.plusSeconds(600), "parents", "rewards"); // minute 10:10 closed at 10:21

      assertThat(posts(View.AUDIENCE_TOPIC, HOUR, "parents|rewards", H10)).isEqualTo(2);
      assertThat(posts(View.AUDIENCE_TOPIC, MINUTE, "parents|rewards", H10.plusSeconds(600)))
          .isZero();
      assertThat(posts(View.AUDIENCE_TOPIC, MINUTE, "parents|rewards", H10.plusSeconds(1800)))
          .isEqualTo(1);
      assertThat(late()).isZero();
    }
  }

  @Override
  ViewSettings settings() {
    return ViewSettings.uniform(
        List.of(
            new WindowSpec(MINUTE, Duration.ofMinutes(10), Duration.ofHours(2)),
            new WindowSpec(HOUR, Duration.ofHours(1), Duration.ofDays(1))),
        Duration.ofSeconds(10));
  }
}
