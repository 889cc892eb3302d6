package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.avro.Alert;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.views.View;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Early warning on the topic and brand-topic views: a spike in volume or negative share of a
 * completed hour against the same cell's trailing hours is raised once, escalated once, and raised
 * again only after it is over.
 */
class ViewAlertsTest extends ViewTopologyTest {
  static final Instant H0 = Instant.parse("2026-11-01T00:00:00Z");

  private List<String> sentNegative;

  @Override
  ViewSettings settings() {
    return ViewSettings.uniform(
        List.of(new WindowSpec(HOUR, Duration.ofHours(1), Duration.ofDays(10))),
        Duration.ofSeconds(10));
  }

  @Override
  AlertSettings alertSettings() {
    return new AlertSettings(HOUR, 24, 12, Duration.ofMinutes(5), 10, 4, 8, 2, 3, 0.3);
  }

  @BeforeEach
  void reset() {
    sentNegative = new ArrayList<>();
  }

  /** {@code n} posts about acme's fraud-security in hour {@code h}, from minute 10 on. */
  private void hour(int h, int n, String sentiment) {
    for (int i = 0; i < n; i++) {
      Instant at = H0.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(10 + i % 40));
      EnrichedPost post = post("x", at, sentiment, 0.0);
      post.setTopics(List.of("fraud-security"));
      post.setBrands(List.of("acme"));
      String key = send(post);
      if (Sentiments.NEGATIVE.equals(sentiment)) {
        sentNegative.add(key);
      }
    }
  }

  private List<Alert> alerts(View view) {
    TopicWithSerdes<String, Alert> topic = topics.alerts();
    return driver
        .createOutputTopic(
            topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())
        .readValuesToList()
        .stream()
        .filter(a -> a.getView().equals(view.id()))
        .toList();
  }

  @Test
  void aSpikeIsRaisedOnceEscalatedOnceAndRaisedAgainOnlyAfterItIsOver() {
    for (int h = 0; h < 30; h++) {
      hour(h, 2, Sentiments.NEUTRAL);
    }
    hour(30, 12, Sentiments.NEUTRAL); // z = (12 - 2) / sqrt(2) = 7.1: a warning
    hour(31, 30, Sentiments.NEGATIVE); // z = 19.8: the same spike, now critical; all negative
    hour(32, 30, Sentiments.NEGATIVE); // still a spike: nothing new
    hour(33, 2, Sentiments.NEUTRAL); // over
    hour(34, 20, Sentiments.NEUTRAL); // a new volume spike
    hour(36, 1, Sentiments.NEUTRAL); // stream time passes hour 34's end

    List<Alert> alerts = alerts(View.TOPIC);

    assertThat(alerts)
        .extracting(Alert::getKind, Alert::getSeverity, a -> a.getWindowStart().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("volume", "warning", "2026-11-02T06:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("volume", "critical", "2026-11-02T07:00:00Z"),
            org.assertj.core.groups.Tuple.tuple(
                "negative_share", "critical", "2026-11-02T07:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("volume", "critical", "2026-11-02T10:00:00Z"));
    assertThat(alerts.get(1).getId()).isEqualTo(alerts.get(0).getId());
    assertThat(alerts.get(0).getId()).isEqualTo("volume|topic|fraud-security|2026-11-02T06:00:00Z");
    assertThat(alerts.get(3).getId()).isNotEqualTo(alerts.get(0).getId());
    Alert negative = alerts.get(2);
    assertThat(negative.getPosts()).isEqualTo(30);
    assertThat(negative.getValue()).isEqualTo(1.0);
    assertThat(negative.getBaseline()).isLessThan(0.05);
    assertThat(negative.getBaselineWindows()).isEqualTo(24);
    assertThat(negative.getExamplePosts()).hasSize(3).allMatch(sentNegative::contains);
    assertThat(alerts.get(0).getBaseline()).isEqualTo(2.0);
    assertThat(alerts.get(0).getValue()).isEqualTo(12.0);
    assertThat(alerts(View.BRAND_TOPIC)).isEmpty(); // read once above: the topic holds both
  }

  @Test
  void brandTopicCellsAreJudgedToo() {
    for (int h = 0; h < 30; h++) {
      hour(h, 2, Sentiments.NEUTRAL);
    }
    hour(30, 40, Sentiments.NEGATIVE);
    hour(31, 1, Sentiments.NEUTRAL);

    List<Alert> all = alerts(View.BRAND_TOPIC);

    assertThat(all)
        .extracting(Alert::getBrand, Alert::getTopic, Alert::getKind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("acme", "fraud-security", "volume"),
            org.assertj.core.groups.Tuple.tuple("acme", "fraud-security", "negative_share"));
  }

  @Test
  void noBaselineNoAlertAndSmallCountsAreNoSpike() {
    hour(0, 2, Sentiments.NEUTRAL);
    hour(5, 200, Sentiments.NEGATIVE); // five hours of baseline: too few
    // hours 6 to 29: no posts
    hour(30, 9, Sentiments.NEGATIVE); // from nothing to 9, all negative: under alerts.min.posts
    hour(40, 1, Sentiments.NEUTRAL);

    assertThat(alerts(View.TOPIC)).isEmpty();
  }
}
