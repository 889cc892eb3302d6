package dev.earshot.aggregate.query;

import dev.earshot.aggregate.ViewStores;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.CellStats;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Interactive queries (IQv2) over the views' window stores. One cell is answered by the instance
 * that owns it (asked over HTTP when it is another); all cells of a view are merged from every
 * instance's local answer. Answers are only given while the instance is RUNNING and every partition
 * answered; otherwise the answer is {@link Answer.Unavailable}, never a silently partial number.
 * Instances exchange {@link Partial}s, so sketches merge exactly.
 */
public final class ViewQueries {
  public static final String PATH = "/api/v1/views";

  private final Instances instances;
  private final KafkaStreams streams;
  private final HostInfo self;
  private final DecodedWindows decoded = new DecodedWindows();

  public ViewQueries(KafkaStreams streams, HostInfo self, PeerClient peers) {
    this.instances = new Instances(streams, self, peers);
    this.streams = streams;
    this.self = self;
  }

  /** Where instances ask each other for their local partials of a view. */
  public static String partialsPath(View view) {
    return PATH + "/" + view.id() + "/partials";
  }

  /** The windows of one cell whose start lies in [from, to), from the instance that owns it. */
  public Answer<List<Partial>> windows(CellKey key, WindowSize size, Instant from, Instant to) {
    if (!instances.running()) {
      return instances.notRunning();
    }
    KeyQueryMetadata owner = owner(key, size);
    if (owner == null) {
      return noOwner(key);
    }
    if (self.equals(owner.activeHost())) {
      return localWindows(key, owner.partition(), size, from, to);
    }
    String path =
        partialsPath(key.view())
            + "?cell="
            + URLEncoder.encode(key.encode(), StandardCharsets.UTF_8)
            + range(size, from, to);
    return instances.fromPeer(owner.activeHost(), path, Partial.class);
  }

  /** Every cell of a view over [from, to), merged from the local answers of every instance. */
  public Answer<Map<String, Cell>> cells(View view, WindowSize size, Instant from, Instant to) {
    Answer<List<Partial>> parts =
        instances.everyInstance(
            ViewStores.windows(view, size),
            () -> localCells(view, size, from, to),
            partialsPath(view) + "?" + range(size, from, to),
            Partial.class);
    if (parts instanceof Answer.Found<List<Partial>> found) {
      Map<String, Cell> merged = new TreeMap<>();
      for (Partial partial : found.value()) {
        merged.merge(partial.key(), partial.cell(), Cell::sum);
      }
      return new Answer.Found<>(merged, found.instances());
    }
    return new Answer.Unavailable<>(((Answer.Unavailable<List<Partial>>) parts).reason());
  }

  /** The windows of one cell whose start lies in [from, to), from this instance's store only. */
  public Answer<List<Partial>> localWindows(
      CellKey key, WindowSize size, Instant from, Instant to) {
    if (!instances.running()) {
      return instances.notRunning();
    }
    KeyQueryMetadata owner = owner(key, size);
    if (owner == null) {
      return noOwner(key);
    }
    return localWindows(key, owner.partition(), size, from, to);
  }

  private Answer<List<Partial>> localWindows(
      CellKey key, int partition, WindowSize size, Instant from, Instant to) {
    String store = ViewStores.windows(key.view(), size);
    String cell = key.encode();
    // one partition, one entry per window start
    Map<Long, Cell> byStart = new TreeMap<>();
    String failure =
        instances.readLocal(
            store,
            partition,
            WindowKeyQuery.<String, Object>withKeyAndWindowStartRange(
                cell, from, to.minusMillis(1)),
            CellStats.class,
            (Long start, CellStats stats) ->
                byStart.put(start, decoded.cell(store, cell, start, stats)));
    if (failure != null) {
      return new Answer.Unavailable<>(failure);
    }
    List<Partial> windows = new ArrayList<>();
    byStart.forEach((start, window) -> windows.add(Partial.of(cell, start, window)));
    return instances.found(windows);
  }

  /** Every cell of a view with windows starting in [from, to), from this instance only. */
  public Answer<List<Partial>> localCells(View view, WindowSize size, Instant from, Instant to) {
    if (!instances.running()) {
      return instances.notRunning();
    }
    Map<String, Cell> byCell = new TreeMap<>();
    String failure =
        instances.readLocal(
            ViewStores.windows(view, size),
            WindowRangeQuery.<String, Object>withWindowStartRange(from, to.minusMillis(1)),
            CellStats.class,
            (Windowed<String> window, CellStats stats) ->
                byCell.merge(window.key(), Cell.of(stats), Cell::merge));
    if (failure != null) {
      return new Answer.Unavailable<>(failure);
    }
    List<Partial> cells = new ArrayList<>();
    byCell.forEach((key, cell) -> cells.add(Partial.of(key, null, cell)));
    return instances.found(cells);
  }

  /** Which instance and partition hold a cell's windows, or null while nobody does. */
  private KeyQueryMetadata owner(CellKey key, WindowSize size) {
    KeyQueryMetadata owner =
        streams.queryMetadataForKey(
            ViewStores.windows(key.view(), size), key.encode(), Serdes.String().serializer());
    return owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner) ? null : owner;
  }

  private static <T> Answer<T> noOwner(CellKey key) {
    return new Answer.Unavailable<>("no instance owns " + key.encode() + " yet (rebalancing?)");
  }

  private static String range(WindowSize size, Instant from, Instant to) {
    return "&interval=" + size.token() + "&from=" + from + "&to=" + to;
  }
}
