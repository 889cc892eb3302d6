package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.schemas.Sentiments;
import dev.earshot.service.EarshotCounter;
import dev.earshot.service.EarshotTimer;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each post read is timed against the wall clock ({@link #NOW} here): its age since created_at and
 * its latency since ingest accepted it (ingested_at); and counted per audience x topic cell.
 */
class ViewFreshnessTest extends ViewTopologyTest {
  @Test
  void aPostIsTimedFromItsCreationAndFromIngest() {
    Instant ingested = NOW.minus(Duration.ofMillis(2500));
    send(ingestedAt(post("a", H10, Sentiments.NEUTRAL, 0.0), ingested));

    assertThat(timer(EarshotTimer.AGGREGATE_POST_AGE).count()).isEqualTo(1);
    assertThat(timer(EarshotTimer.AGGREGATE_POST_AGE).totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(Duration.between(H10, NOW).toMillis());
    assertThat(timer(EarshotTimer.AGGREGATE_PIPELINE_LATENCY).count()).isEqualTo(1);
    assertThat(timer(EarshotTimer.AGGREGATE_PIPELINE_LATENCY).totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(2500);
  }

  @Test
  void aPostTooLateForEveryWindowIsStillTimedAsRead() {
    sendCell(H12, "parents", "rewards"); // stream time 12:00: the 10-11 window is closed

    send(ingestedAt(post("late", H10, Sentiments.NEUTRAL, 0.0), NOW.minusSeconds(1)));

    assertThat(late()).isEqualTo(1);
    assertThat(timer(EarshotTimer.AGGREGATE_PIPELINE_LATENCY).count()).isEqualTo(2);
  }

  @Test
  void aPostFromAClockAheadOfThisOneCountsAsZero() {
    Instant ahead = NOW.plusSeconds(30);
    send(ingestedAt(post("ahead", ahead, Sentiments.NEUTRAL, 0.0), ahead));

    for (EarshotTimer each :
        new EarshotTimer[] {
          EarshotTimer.AGGREGATE_POST_AGE, EarshotTimer.AGGREGATE_PIPELINE_LATENCY
        }) {
      assertThat(timer(each).count()).as(each.name()).isEqualTo(1);
      assertThat(timer(each).totalTime(TimeUnit.MILLISECONDS)).as(each.name()).isZero();
    }
  }

  @Test
  void aRecordBreakingThePostContractIsDeadLetteredNotTimed() {
    in.pipeInput("not-the-post-key", post("x", H10, Sentiments.NEUTRAL, 0.0));

    assertThat(deadLetters()).extracting(letter -> letter.reason()).containsExactly("invalid");
    assertThat(timer(EarshotTimer.AGGREGATE_POST_AGE).count()).isZero();
    assertThat(timer(EarshotTimer.AGGREGATE_PIPELINE_LATENCY).count()).isZero();
  }

  @Test
  void everyAudienceTopicCellOfAPostIsCountedBySentiment() {
    EnrichedPost negative = labelled(H10, List.of("parents", "newlyweds"), List.of("rewards"));
    negative.getSentiment().setLabel(Sentiments.NEGATIVE);
    send(negative);
    sendCell(H10, "parents", "rewards");

    assertThat(posts("parents", "rewards", Sentiments.NEGATIVE)).isEqualTo(1);
    assertThat(posts("newlyweds", "rewards", Sentiments.NEGATIVE)).isEqualTo(1);
    assertThat(posts("parents", "rewards", Sentiments.NEUTRAL)).isEqualTo(1);
    assertThat(metrics.find(EarshotCounter.AGGREGATE_POSTS.meterName()).counters()).hasSize(3);
  }

  private double posts(String audience, String topic, String sentiment) {
    return metrics
        .get(EarshotCounter.AGGREGATE_POSTS.meterName())
        .tags("audience", audience, "topic", topic, "sentiment", sentiment)
        .counter()
        .count();
  }

  private Timer timer(EarshotTimer timer) {
    return metrics.get(timer.meterName()).timer();
  }

  private static EnrichedPost ingestedAt(EnrichedPost post, Instant ingested) {
    post.getPost().setIngestedAt(ingested);
    return post;
  }
}
