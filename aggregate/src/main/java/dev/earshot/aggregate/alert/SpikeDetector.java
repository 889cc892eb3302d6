package dev.earshot.aggregate.alert;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.Alert;
import dev.earshot.avro.CellStats;
import dev.earshot.schemas.views.Dimension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Early warning for one view (topic or brand-topic) in one task: once stream time is past a
 * window's end plus {@code alerts.settle}, judges every cell counted in that window against the
 * same cell's trailing windows ({@link Judge}) and raises an {@link Alert} when a spike starts,
 * again under the same id only when it grows to critical, and not again until it is over (its
 * z-score below {@code alerts.rearm.z}). What it raised and which spikes are running are kept in
 * the view's logged alerts store, so a restart neither repeats nor forgets one.
 */
public final class SpikeDetector {
  /** Keys of the marks store: the first window this task saw, and the last one judged. */
  static final String FIRST = "alerts.first";

  static final String JUDGED = "alerts.judged";

  private final AlertSettings settings;
  private final WindowStore<String, CellStats> windows;
  private final KeyValueStore<String, Alert> alerts;
  private final KeyValueStore<String, Long> marks;
  private final long size;
  private final long retention;

  /** The start of the last window judged, as the marks store says (read once). */
  private Long judged;

  /**
   * @param windows the view's window store of size {@code settings.interval()}
   * @param alerts the view's alerts store ({@link AlertKeys})
   * @param marks where the first and last judged windows are kept
   * @param retention how long raised alerts stay queryable (the windows' retention)
   */
  public SpikeDetector(
      AlertSettings settings,
      WindowStore<String, CellStats> windows,
      KeyValueStore<String, Alert> alerts,
      KeyValueStore<String, Long> marks,
      long retention) {
    this.settings = settings;
    this.windows = windows;
    this.alerts = alerts;
    this.marks = marks;
    this.size = settings.interval().millis();
    this.retention = retention;
    this.judged = marks.get(JUDGED);
  }

  /** Whether {@link #advance} would judge a window now (cheap: no store read). */
  public boolean due(long streamTime) {
    return judged == null || latestComplete(streamTime) > judged;
  }

  private long latestComplete(long streamTime) {
    return Math.floorDiv(streamTime - settings.settle().toMillis(), size) * size - size;
  }

  /** Judges every window completed since the last call; raised alerts go to {@code raise}. */
  public void advance(long streamTime, Consumer<Alert> raise) {
    long latest = latestComplete(streamTime);
    if (judged == null) {
      // The first post this task counts: its window starts the baseline, nothing to judge yet.
      marks.put(FIRST, Math.floorDiv(streamTime, size) * size);
      marks.put(JUDGED, latest);
      judged = latest;
      return;
    }
    if (latest <= judged) {
      return;
    }
    long first = marks.get(FIRST);
    // After a jump in stream time, windows older than a baseline are not worth an alert.
    long from = Math.max(judged + size, latest - (long) settings.baselineWindows() * size);
    for (long start = from; start <= latest; start += size) {
      judgeWindow(start, first, streamTime, raise);
    }
    marks.put(JUDGED, latest);
    judged = latest;
    forgetBefore(streamTime - retention);
  }

  private void judgeWindow(long start, long first, long streamTime, Consumer<Alert> raise) {
    int available = (int) Math.min(settings.baselineWindows(), (start - first) / size);
    if (available < settings.minBaselineWindows()) {
      return;
    }
    List<KeyValue<String, CellStats>> counted = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, CellStats> it =
        windows.fetchAll(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start))) {
      it.forEachRemaining(kv -> counted.add(KeyValue.pair(kv.key.key(), kv.value)));
    }
    for (KeyValue<String, CellStats> cell : counted) {
      CellKey key = CellKey.decode(cell.key);
      if (!key.labels().contains(Dimension.UNASSIGNED)) {
        judgeCell(key, start, available, Cell.of(cell.value), streamTime, raise);
      }
    }
  }

  private void judgeCell(
      CellKey key, long start, int available, Cell cell, long streamTime, Consumer<Alert> raise) {
    long[] posts = new long[available];
    long[] negative = new long[available];
    long oldest = start - (long) available * size;
    try (WindowStoreIterator<CellStats> it =
        windows.fetch(
            key.encode(), Instant.ofEpochMilli(oldest), Instant.ofEpochMilli(start - size))) {
      it.forEachRemaining(
          kv -> {
            int i = (int) ((kv.key - oldest) / size);
            posts[i] = kv.value.getPosts();
            negative[i] = kv.value.getNegative();
          });
    }
    List<Judge.Verdict> verdicts =
        List.of(
            Judge.volume(cell.posts(), posts, settings),
            Judge.negativeShare(cell.posts(), cell.negative(), posts, negative, settings));
    for (Judge.Verdict verdict : verdicts) {
      decide(key, start, available, cell, verdict, streamTime, raise);
    }
  }

  private void decide(
      CellKey key,
      long start,
      int available,
      Cell cell,
      Judge.Verdict verdict,
      long streamTime,
      Consumer<Alert> raise) {
    String activeKey = AlertKeys.active(verdict.kind(), key);
    Alert running = alerts.get(activeKey);
    if (running != null) {
      if (verdict.z() < settings.rearmZ()) {
        alerts.delete(activeKey); // the spike is over: the next one is a new alert
      } else if (verdict.severity() == Judge.Severity.CRITICAL
          && !Judge.Severity.CRITICAL.id().equals(running.getSeverity())) {
        Alert escalated =
            AlertRecords.of(
                running.getId(), key, start, size, available, cell, verdict, streamTime);
        keep(activeKey, escalated, running.getWindowStart().toEpochMilli());
        raise.accept(escalated);
      }
      return;
    }
    if (verdict.severity() != null) {
      String id = AlertKeys.id(verdict.kind(), key, start);
      Alert raised = AlertRecords.of(id, key, start, size, available, cell, verdict, streamTime);
      keep(activeKey, raised, start);
      raise.accept(raised);
    }
  }

  /** Keeps the alert as the running spike's, and in the history under the window it started in. */
  private void keep(String activeKey, Alert alert, long onset) {
    alerts.put(activeKey, alert);
    alerts.put(AlertKeys.history(onset, alert.getId()), alert);
  }

  private void forgetBefore(long cutoff) {
    if (cutoff <= 0) {
      return;
    }
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, Alert> it =
        alerts.range(AlertKeys.historyFrom(0), AlertKeys.historyFrom(cutoff))) {
      it.forEachRemaining(kv -> old.add(kv.key));
    }
    old.forEach(alerts::delete);
  }
}
