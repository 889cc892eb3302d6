package dev.earshot.aggregate;

import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import dev.earshot.service.ConfigValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The window sizes of every view and how often window updates are published, read from the
 * configuration:
 *
 * <pre>
 * aggregate.windows=1m,1h,1d                     sizes of every view
 * aggregate.view.&lt;view&gt;.windows=1h,1d            sizes of one view, instead
 * aggregate.window.&lt;size&gt;.grace=PT10M           per size used: how late a post may be
 * aggregate.window.&lt;size&gt;.retention=P2D         per size used: how long windows are kept
 * aggregate.updates.interval=PT1S                how often changed windows are published
 * aggregate.query.refresh=PT0.2S                 how often counted posts are written for queries
 * </pre>
 *
 * @param queryRefresh how often (wall clock) the windows counted since the last write are written
 *     to their stores, where queries read them; they are written at every commit anyway, so this
 *     only matters when it is shorter than the commit interval
 */
public record ViewSettings(
    Map<View, List<WindowSpec>> windows, Duration updatesInterval, Duration queryRefresh) {
  public static final String WINDOWS = "aggregate.windows";
  public static final String UPDATES_INTERVAL = "aggregate.updates.interval";
  public static final String QUERY_REFRESH = "aggregate.query.refresh";

  public ViewSettings {
    windows = Map.copyOf(windows);
    for (View view : View.values()) {
      if (windows.get(view) == null || windows.get(view).isEmpty()) {
        throw new IllegalArgumentException("no window size for view " + view.id());
      }
    }
    if (updatesInterval.isNegative() || updatesInterval.isZero()) {
      throw new IllegalArgumentException(UPDATES_INTERVAL + " must be positive");
    }
    if (queryRefresh.isNegative() || queryRefresh.isZero()) {
      throw new IllegalArgumentException(QUERY_REFRESH + " must be positive");
    }
  }

  public static String viewWindows(View view) {
    return "aggregate.view." + view.id() + ".windows";
  }

  public static String grace(WindowSize size) {
    return "aggregate.window." + size.token() + ".grace";
  }

  public static String retention(WindowSize size) {
    return "aggregate.window." + size.token() + ".retention";
  }

  /**
   * Reads the keys above through {@code get(key, fallback)} (a null fallback: the key is optional).
   */
  public static ViewSettings read(BiFunction<String, String, String> get) {
    List<WindowSize> defaults = WindowSize.parseList(ConfigValues.required(get, WINDOWS));
    Map<View, List<WindowSpec>> windows = new EnumMap<>(View.class);
    for (View view : View.values()) {
      String own = get.apply(viewWindows(view), null);
      List<WindowSize> sizes = own == null || own.isBlank() ? defaults : WindowSize.parseList(own);
      List<WindowSpec> specs = new ArrayList<>();
      for (WindowSize size : sizes) {
        specs.add(
            new WindowSpec(
                size,
                ConfigValues.duration(grace(size), ConfigValues.required(get, grace(size))),
                ConfigValues.duration(
                    retention(size), ConfigValues.required(get, retention(size)))));
      }
      windows.put(view, specs);
    }
    return new ViewSettings(
        windows,
        ConfigValues.duration(UPDATES_INTERVAL, ConfigValues.required(get, UPDATES_INTERVAL)),
        ConfigValues.duration(QUERY_REFRESH, ConfigValues.required(get, QUERY_REFRESH)));
  }

  /**
   * One rule for every view and size, e.g. for tests; windows are written for queries when updates
   * are sent.
   */
  public static ViewSettings uniform(List<WindowSpec> specs, Duration updatesInterval) {
    Map<View, List<WindowSpec>> windows = new EnumMap<>(View.class);
    for (View view : View.values()) {
      windows.put(view, specs);
    }
    return new ViewSettings(windows, updatesInterval, updatesInterval);
  }

  public List<WindowSpec> of(View view) {
    return windows.get(view);
  }

  /**
   * The pane of a view: the greatest common divisor of its window sizes, so that a pane lies in
   * exactly one window of each size (a minute for 1m, 1h, 1d).
   */
  public long paneMillis(View view) {
    long pane = 0;
    for (WindowSpec spec : windows.get(view)) {
      long size = spec.size().millis();
      while (size != 0) {
        long rest = pane % size;
        pane = size;
        size = rest;
      }
    }
    return pane;
  }

  /** The window sizes a view counts. */
  public List<WindowSize> sizes(View view) {
    return windows.get(view).stream().map(WindowSpec::size).toList();
  }
}
