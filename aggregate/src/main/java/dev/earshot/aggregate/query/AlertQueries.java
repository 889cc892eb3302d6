package dev.earshot.aggregate.query;

import dev.earshot.aggregate.ViewStores;
import dev.earshot.aggregate.alert.AlertKeys;
import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.avro.Alert;
import dev.earshot.schemas.views.View;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The alerts raised (each spike once, with its latest severity), from the alerts stores of every
 * instance: each holds the alerts of the cells it counts.
 */
public final class AlertQueries {
  public static final String PATH = "/api/v1/alerts";

  /** Where instances ask each other for their own alerts. */
  public static final String LOCAL_PATH = PATH + "/local";

  private final Instances instances;

  public AlertQueries(KafkaStreams streams, HostInfo self, PeerClient peers) {
    this.instances = new Instances(streams, self, peers);
  }

  /** Spikes that started in a window whose start lies in [from, to), newest first. */
  public Answer<List<AlertSummary>> alerts(Instant from, Instant to) {
    Answer<List<AlertSummary>> all =
        instances.everyInstance(
            ViewStores.alerts(AlertSettings.VIEWS.get(0)),
            () -> localAlerts(from, to),
            LOCAL_PATH + "?from=" + from + "&to=" + to,
            AlertSummary.class);
    if (all instanceof Answer.Found<List<AlertSummary>> found) {
      List<AlertSummary> sorted = new ArrayList<>(found.value());
      sorted.sort(
          Comparator.comparing(AlertSummary::windowStart)
              .reversed()
              .thenComparing(AlertSummary::id));
      return new Answer.Found<>(sorted, found.instances());
    }
    return all;
  }

  /** This instance's alerts only. */
  public Answer<List<AlertSummary>> localAlerts(Instant from, Instant to) {
    if (!instances.running()) {
      return instances.notRunning();
    }
    List<AlertSummary> alerts = new ArrayList<>();
    for (View view : AlertSettings.VIEWS) {
      String failure =
          instances.readLocal(
              ViewStores.alerts(view),
              RangeQuery.<String, Object>withRange(
                  AlertKeys.historyFrom(from.toEpochMilli()),
                  AlertKeys.historyBefore(to.toEpochMilli())),
              Alert.class,
              (String key, Alert alert) -> alerts.add(AlertSummary.of(alert)));
      if (failure != null) {
        return new Answer.Unavailable<>(failure);
      }
    }
    return instances.found(alerts);
  }
}
