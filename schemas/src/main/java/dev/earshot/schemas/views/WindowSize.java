package dev.earshot.schemas.views;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A window size as written in configuration, topic names and queries: a count and a unit, {@code
 * 1m}, {@code 15m}, {@code 1h}, {@code 1d}. Windows are tumbling and aligned to the epoch (UTC), so
 * a {@code 1d} window is a UTC day.
 */
public record WindowSize(String token, Duration duration) implements Comparable<WindowSize> {
  // Before DEFAULTS, which parses with it.
  private static final Pattern SYNTAX = Pattern.compile("([1-9][0-9]{0,3})([mhd])");

  /** The sizes every view keeps unless configured otherwise. */
  public static final List<WindowSize> DEFAULTS = List.of(parse("1m"), parse("1h"), parse("1d"));

  public static WindowSize parse(String token) {
    Matcher m = SYNTAX.matcher(token == null ? "" : token.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "window size '" + token + "' must be a count and a unit m, h or d, e.g. 1m, 1h, 1d");
    }
    long count = Long.parseLong(m.group(1));
    Duration unit =
        switch (m.group(2)) {
          case "m" -> Duration.ofMinutes(1);
          case "h" -> Duration.ofHours(1);
          default -> Duration.ofDays(1);
        };
    return new WindowSize(m.group(), unit.multipliedBy(count));
  }

  /** A comma-separated list, smallest first, each once. */
  public static List<WindowSize> parseList(String tokens) {
    List<WindowSize> sizes =
        Arrays.stream(tokens.split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .map(WindowSize::parse)
            .distinct()
            .sorted()
            .toList();
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("no window size in '" + tokens + "'");
    }
    return sizes;
  }

  public long millis() {
    return duration.toMillis();
  }

  /** The start of the window holding this instant (epoch milliseconds). */
  public long windowStart(long timestamp) {
    return timestamp - Math.floorMod(timestamp, millis());
  }

  @Override
  public int compareTo(WindowSize other) {
    return duration.compareTo(other.duration);
  }

  @Override
  public String toString() {
    return token;
  }
}
