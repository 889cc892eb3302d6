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
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;

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
      StateQueryResult<KeyValueIterator<String, Object>> result =
          instances
              .streams()
              .query(
                  StateQueryRequest.inStore(ViewStores.alerts(view))
                      .withQuery(
                          RangeQuery.<String, Object>withRange(
                              AlertKeys.historyFrom(from.toEpochMilli()),
                              AlertKeys.historyBefore(to.toEpochMilli())))
                      .requireActive());
      for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, Object>>> partition :
          result.getPartitionResults().entrySet()) {
        QueryResult<KeyValueIterator<String, Object>> r = partition.getValue();
        if (r.isFailure()) {
          return Instances.failed(partition.getKey(), r);
        }
        try (KeyValueIterator<String, Object> it = r.getResult()) {
          while (it.hasNext()) {
            KeyValue<String, Object> next = it.next();
            alerts.add(AlertSummary.of(unwrap(next.value)));
          }
        }
      }
    }
    return new Answer.Found<>(alerts, List.of(Instances.name(instances.self())));
  }

  private static Alert unwrap(Object value) {
    if (value instanceof ValueAndTimestamp<?> vt) {
      return (Alert) vt.value();
    }
    return (Alert) value;
  }
}
