package dev.earshot.aggregate.alert;

import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import dev.earshot.service.ConfigValues;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * When a topic's or a brand x topic's last complete window is a spike, read from the configuration
 * (defaults in aggregate.properties):
 *
 * <pre>
 * alerts.interval=1h              the window size judged (one of the topic and brand-topic sizes)
 * alerts.baseline.windows=48      how many trailing windows of the same cell make its baseline
 * alerts.baseline.min.windows=24  no judgement before the stream has run this many windows
 * alerts.settle=PT5M              judge a window this long (stream time) after its end
 * alerts.min.posts=10             fewer posts in the window is never a spike
 * alerts.warning.z=4              z-score that raises a warning
 * alerts.critical.z=8             z-score that raises (or escalates to) critical
 * alerts.rearm.z=2                a spike is over once the z-score falls below this
 * alerts.volume.min.ratio=3       a volume spike is also at least this many times the median
 * alerts.negative.min.rise=0.3    a negative-share spike is also this much above the baseline share
 * </pre>
 */
public record AlertSettings(
    WindowSize interval,
    int baselineWindows,
    int minBaselineWindows,
    Duration settle,
    long minPosts,
    double warningZ,
    double criticalZ,
    double rearmZ,
    double volumeMinRatio,
    double negativeMinRise) {
  /** The views judged: each topic, and each brand x topic. */
  public static final List<View> VIEWS = List.of(View.TOPIC, View.BRAND_TOPIC);

  public static final String PREFIX = "alerts.";

  public AlertSettings {
    if (minBaselineWindows < 1 || minBaselineWindows > baselineWindows) {
      throw new IllegalArgumentException(
          PREFIX + "baseline.min.windows must be 1 to " + PREFIX + "baseline.windows");
    }
    if (!(warningZ > rearmZ && criticalZ >= warningZ)) {
      throw new IllegalArgumentException(
          PREFIX + "rearm.z < " + PREFIX + "warning.z <= " + PREFIX + "critical.z must hold");
    }
  }

  /**
   * Reads the keys above, checking that the interval is counted by every judged view.
   *
   * @param sizes the window sizes each view counts
   */
  public static AlertSettings read(
      BiFunction<String, String, String> get, Function<View, List<WindowSize>> sizes) {
    WindowSize interval = WindowSize.parse(ConfigValues.required(get, PREFIX + "interval"));
    for (View view : VIEWS) {
      if (!sizes.apply(view).contains(interval)) {
        throw new IllegalArgumentException(
            PREFIX + "interval " + interval + " is not a window size of view " + view.id());
      }
    }
    return new AlertSettings(
        interval,
        (int) number(get, "baseline.windows"),
        (int) number(get, "baseline.min.windows"),
        ConfigValues.duration(PREFIX + "settle", ConfigValues.required(get, PREFIX + "settle")),
        (long) number(get, "min.posts"),
        number(get, "warning.z"),
        number(get, "critical.z"),
        number(get, "rearm.z"),
        number(get, "volume.min.ratio"),
        number(get, "negative.min.rise"));
  }

  /** The defaults of aggregate.properties, for tests. */
  public static AlertSettings defaults() {
    return new AlertSettings(
        WindowSize.parse("1h"), 48, 24, Duration.ofMinutes(5), 10, 4, 8, 2, 3, 0.3);
  }

  private static double number(BiFunction<String, String, String> get, String name) {
    String value = ConfigValues.required(get, PREFIX + name);
    try {
      double number = Double.parseDouble(value);
      if (number >= 0 && !Double.isInfinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(PREFIX + name + " '" + value + "' must be a number >= 0");
  }
}
