package dev.earshot.aggregate;

import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.aggregate.alert.SpikeDetector;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.Alert;
import dev.earshot.avro.CellPane;
import dev.earshot.avro.CellStats;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.views.View;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts one view: each pane of posts ({@link CellPane}, keyed by its cell) goes into the window of
 * every size of the view that is still open; windows are kept deserialized between commits and
 * written to their stores once per commit ({@link CommitHook}), on an {@code
 * aggregate.query.refresh} tick (wall clock) once the panes stop coming, so that queries see them
 * soon, and before they are read. Sends each window's latest value to the updates topic every
 * {@code aggregate.updates.interval} (wall clock) while it changes, and its final value to the
 * final topic (and once more to updates, marked closed) when stream time passes its end plus grace.
 *
 * <p>A pane too late for every size (rare: {@link CellCombiner} already turned away the posts late
 * for its own task) is thrown out as {@link LateRecordException}, so it is dead-lettered as read
 * instead of being dropped. Which finals were sent is kept in a logged store, so a restart neither
 * repeats nor skips one.
 */
final class ViewProcessor implements Processor<String, CellPane, String, SpecificRecord> {
  private final View view;
  private final List<WindowSpec> specs;
  private final Duration updatesInterval;
  private final Duration queryRefresh;
  private final AlertSettings alertSettings;
  private SpikeDetector spikes;
  private final List<WindowStore<String, CellStats>> stores = new ArrayList<>();
  private final List<Set<Pending>> changed = new ArrayList<>();

  /**
   * Per size, the cells counted since the last commit, deserialized: written to the store once per
   * commit ({@link CommitHook}) and before the stores are read, instead of once per post.
   */
  private final List<Map<Pending, Cell>> buffered = new ArrayList<>();

  private KeyValueStore<String, Long> closed;

  /**
   * Panes counted on the current stream thread, by every view's tasks: a thread's tasks run one at
   * a time, so a plain counter per thread is exact.
   */
  private static final ThreadLocal<long[]> PANES_ON_THREAD =
      ThreadLocal.withInitial(() -> new long[1]);

  /** {@link #PANES_ON_THREAD} at this task's last query refresh tick. */
  private long panesAtLastRefresh = -1;

  /** The store's values, read once: per size, the end of the last window sent final. */
  private long[] sentThrough;

  private ProcessorContext<String, SpecificRecord> context;

  /** A window of a cell changed since updates were last sent. */
  private record Pending(String key, long start) {}

  /**
   * @param alerts how to judge this view's windows for spikes, or null when it is not judged
   */
  ViewProcessor(View view, List<WindowSpec> specs, ViewSettings settings, AlertSettings alerts) {
    this.view = view;
    this.specs = specs;
    this.updatesInterval = settings.updatesInterval();
    this.queryRefresh = settings.queryRefresh();
    this.alertSettings = alerts;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    for (WindowSpec spec : specs) {
      stores.add(context.getStateStore(ViewStores.windows(view, spec.size())));
      changed.add(new LinkedHashSet<>());
      buffered.add(new HashMap<>());
    }
    CommitHook hook = context.getStateStore(ViewStores.commitHook(view));
    hook.beforeCommit(this::writeBuffered);
    closed = context.getStateStore(ViewStores.closed(view));
    sentThrough = new long[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      Long sent = closed.get(specs.get(i).size().token());
      sentThrough[i] = sent == null ? Long.MIN_VALUE : sent;
      republishOpenWindows(i);
    }
    context.schedule(updatesInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendUpdates());
    if (queryRefresh.compareTo(updatesInterval) < 0) {
      // Queries read the stores: without this, a pane counted just after a commit would wait for
      // the next commit (or updates) to show.
      context.schedule(queryRefresh, PunctuationType.WALL_CLOCK_TIME, now -> refresh());
    }
    if (alertSettings != null) {
      int judged = 0;
      while (!specs.get(judged).size().equals(alertSettings.interval())) {
        judged++;
      }
      spikes =
          new SpikeDetector(
              alertSettings,
              stores.get(judged),
              context.getStateStore(ViewStores.alerts(view)),
              closed,
              specs.get(judged).retention().toMillis());
    }
  }

  @Override
  public void process(Record<String, CellPane> record) {
    long timestamp = record.timestamp();
    long streamTime = Math.max(context.currentStreamTimeMs(), timestamp);
    long paneStart = record.value().getPaneStart().toEpochMilli();
    PANES_ON_THREAD.get()[0]++;
    Cell pane = null;
    for (int i = 0; i < specs.size(); i++) {
      WindowSpec spec = specs.get(i);
      if (!Lateness.open(spec, paneStart, streamTime)) {
        continue; // this size's window has closed; larger ones may still be open
      }
      if (pane == null) {
        pane = Cell.of(record.value().getStats());
      }
      Pending window = new Pending(record.key(), spec.size().windowStart(paneStart));
      Cell cell = buffered.get(i).get(window);
      if (cell == null) {
        CellStats before = stores.get(i).fetch(window.key(), window.start());
        cell = before == null ? Cell.empty() : Cell.of(before);
        buffered.get(i).put(window, cell);
        // Every buffered window is also changed (both empty together): one lookup per pane.
        changed.get(i).add(window);
      }
      cell.merge(pane);
    }
    if (pane == null) {
      // Counted before the repartition against that task's stream time, and late here: rare.
      throw Lateness.late(
          record.value().getStats().getPosts() + " posts of " + record.key(),
          view,
          specs,
          paneStart,
          streamTime);
    }
    sendFinals(streamTime);
    if (spikes != null && spikes.due(streamTime)) {
      writeBuffered();
      spikes.advance(streamTime, this::raise);
    }
  }

  /**
   * Writes the buffered windows once the panes stop coming: the panes of a commit upstream arrive
   * together, soon after it, so a tick with no pane counted on this stream thread (by any view's
   * task) since this task's last tick means they are all counted. While panes keep coming (a
   * backlog, a replay), windows wait for the commit, so that a busy window is not written several
   * times a commit: that would cost throughput exactly when it is needed.
   */
  private void refresh() {
    long panes = PANES_ON_THREAD.get()[0];
    if (panes == panesAtLastRefresh) {
      writeBuffered();
    }
    panesAtLastRefresh = panes;
  }

  /** Writes the cells counted since the last call to their window stores (and changelogs). */
  private void writeBuffered() {
    for (int i = 0; i < specs.size(); i++) {
      WindowStore<String, CellStats> store = stores.get(i);
      for (Map.Entry<Pending, Cell> window : buffered.get(i).entrySet()) {
        store.put(window.getKey().key(), window.getValue().toStats(), window.getKey().start());
      }
      buffered.get(i).clear();
    }
  }

  /**
   * Writes the buffered windows of one size that end by {@code through}, the ones about to be sent
   * final; the others stay buffered until the commit. (Writing them all here wrote every window
   * again each time a minute closed, and read it back with the next pane.)
   */
  private void writeClosing(int spec, long through) {
    WindowStore<String, CellStats> store = stores.get(spec);
    long size = specs.get(spec).size().millis();
    Iterator<Map.Entry<Pending, Cell>> windows = buffered.get(spec).entrySet().iterator();
    while (windows.hasNext()) {
      Map.Entry<Pending, Cell> window = windows.next();
      if (window.getKey().start() + size <= through) {
        store.put(window.getKey().key(), window.getValue().toStats(), window.getKey().start());
        windows.remove();
      }
    }
  }

  private void raise(Alert alert) {
    context.forward(
        new Record<String, SpecificRecord>(
            alert.getId(), alert, alert.getWindowEnd().toEpochMilli()));
  }

  /**
   * Which windows changed since updates were last sent is only known in memory; after a restart (a
   * crash between a commit and the next updates), every window not yet closed is sent again, so the
   * updates topic never misses a change. Windows are only stored while open or retained, so this
   * reads at most the open ones.
   */
  private void republishOpenWindows(int spec) {
    if (sentThrough[spec] == Long.MIN_VALUE) {
      return;
    }
    try (KeyValueIterator<Windowed<String>, CellStats> open =
        stores.get(spec).fetchAll(sentThrough[spec], Long.MAX_VALUE)) {
      while (open.hasNext()) {
        Windowed<String> window = open.next().key;
        changed.get(spec).add(new Pending(window.key(), window.window().start()));
      }
    }
  }

  /** Sends the final value of every window that closed since the last call. */
  private void sendFinals(long streamTime) {
    for (int i = 0; i < specs.size(); i++) {
      WindowSpec spec = specs.get(i);
      long through = spec.closedThrough(streamTime);
      long sent = sentThrough[i];
      if (through <= sent) {
        continue;
      }
      if (sent == Long.MIN_VALUE) {
        // The first post of this view: no window closed before it.
        markSent(i, through);
        continue;
      }
      long size = spec.size().millis();
      writeClosing(i, through);
      try (KeyValueIterator<Windowed<String>, CellStats> windows =
          stores
              .get(i)
              .fetchAll(Instant.ofEpochMilli(sent), Instant.ofEpochMilli(through - size))) {
        while (windows.hasNext()) {
          KeyValue<Windowed<String>, CellStats> window = windows.next();
          long start = window.key.window().start();
          changed.get(i).remove(new Pending(window.key.key(), start));
          ViewWindow value =
              ViewOutput.window(
                  CellKey.decode(window.key.key()), start, size, true, Cell.of(window.value));
          forward(spec, window.key.key(), start, value, true);
          forward(spec, window.key.key(), start, value, false);
        }
      }
      markSent(i, through);
    }
  }

  private void markSent(int spec, long through) {
    sentThrough[spec] = through;
    closed.put(specs.get(spec).size().token(), through);
  }

  /**
   * Sends the latest value of every window that changed since the last call: from the buffered cell
   * while it is there (reading it back from the store cost a fetch and a decode per window), else
   * from the store. Then writes the buffered cells, as a commit would.
   */
  private void sendUpdates() {
    for (int i = 0; i < specs.size(); i++) {
      WindowSpec spec = specs.get(i);
      for (Pending pending : changed.get(i)) {
        Cell cell = buffered.get(i).get(pending);
        if (cell == null) {
          CellStats stats = stores.get(i).fetch(pending.key(), pending.start());
          if (stats == null) {
            continue;
          }
          cell = Cell.of(stats);
        }
        ViewWindow value =
            ViewOutput.window(
                CellKey.decode(pending.key()), pending.start(), spec.size().millis(), false, cell);
        forward(spec, pending.key(), pending.start(), value, false);
      }
      changed.get(i).clear();
    }
    writeBuffered();
  }

  private void forward(
      WindowSpec spec, String cellKey, long start, ViewWindow value, boolean finalTopic) {
    Record<String, SpecificRecord> out =
        new Record<String, SpecificRecord>(ViewOutput.key(cellKey, start), value, start)
            .withHeaders(ViewOutput.topicHeader(view, spec.size(), finalTopic));
    context.forward(out);
  }
}
