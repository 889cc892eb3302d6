package dev.earshot.aggregate.http;

import dev.earshot.schemas.LabelNames;
import dev.earshot.schemas.views.WindowSize;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads and checks the query parameters every view route shares; a bad one is a {@link BadRequest}
 * naming it.
 *
 * <ul>
 *   <li>{@code from}, {@code to}: an ISO-8601 instant ({@code 2026-11-16T08:00:00Z}), a date
 *       ({@code 2026-11-16}, UTC midnight) or epoch milliseconds; windows whose start lies in
 *       [from, to) count. Defaults: the last 30 days up to now.
 *   <li>{@code interval}: one of the view's window sizes; by default the largest that the range
 *       holds at least twice (so a week is answered from days, a day from hours), else the
 *       smallest. Totals over a range (lists, share of voice) use by default the largest size whose
 *       windows tile the range exactly, as they add up to the same counts.
 *   <li>{@code limit} (1 to 1,000, default 100) and {@code offset} (default 0) page lists.
 * </ul>
 */
final class QueryParams {
  static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  /** Window stores count milliseconds from 1970; an instant outside this range is a bad query. */
  static final Instant EARLIEST = Instant.EPOCH;

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  record Range(Instant from, Instant to) {}

  private QueryParams() {}

  static Range range(Context ctx, Clock clock) {
    Instant to = instant(ctx, "to", clock.instant());
    Instant from = instant(ctx, "from", to.minus(DEFAULT_LOOKBACK));
    if (!from.isBefore(to)) {
      throw new BadRequest("to", "to (" + to + ") must be after from (" + from + ")");
    }
    return new Range(from, to);
  }

  static WindowSize interval(Context ctx, List<WindowSize> sizes, Range range) {
    WindowSize asked = asked(ctx, sizes);
    return asked != null ? asked : defaultInterval(sizes, range);
  }

  /**
   * For totals over a range (lists of cells, share of voice): the interval asked for, else the
   * largest size whose windows tile the range exactly (both ends on its boundaries: a day is
   * answered from one day window, not 24 hour windows, with the same counts), else {@link
   * #defaultInterval}.
   */
  static WindowSize totalsInterval(Context ctx, List<WindowSize> sizes, Range range) {
    WindowSize asked = asked(ctx, sizes);
    return asked != null ? asked : tilingInterval(sizes, range);
  }

  /** The {@code interval} asked for, or null when none was. */
  private static WindowSize asked(Context ctx, List<WindowSize> sizes) {
    String raw = ctx.queryParam("interval");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    for (WindowSize size : sizes) {
      if (size.token().equals(raw.strip())) {
        return size;
      }
    }
    throw new BadRequest("interval", "interval '" + raw + "' must be one of " + sizes);
  }

  /** The largest size that tiles the range exactly, else {@link #defaultInterval}. */
  static WindowSize tilingInterval(List<WindowSize> sizes, Range range) {
    long from = range.from().toEpochMilli();
    long to = range.to().toEpochMilli();
    WindowSize tiling = null;
    for (WindowSize size : sizes) {
      if (size.windowStart(from) == from
          && size.windowStart(to) == to
          && (tiling == null || size.millis() > tiling.millis())) {
        tiling = size;
      }
    }
    return tiling != null ? tiling : defaultInterval(sizes, range);
  }

  /** The largest size the range holds at least twice, else the smallest. */
  static WindowSize defaultInterval(List<WindowSize> sizes, Range range) {
    Duration span = Duration.between(range.from(), range.to());
    WindowSize chosen = sizes.get(0);
    for (WindowSize size : sizes) {
      if (span.compareTo(size.duration().multipliedBy(2)) >= 0) {
        chosen = size;
      }
    }
    return chosen;
  }

  /** A label from a path or a filter, in the taxonomy's syntax, so it can name a cell. */
  static String label(String field, String value) {
    if (!LabelNames.isValid(value)) {
      throw new BadRequest(field, field + " '" + value + "' must be a label: " + LabelNames.RULE);
    }
    return value;
  }

  static int integer(Context ctx, String field, int fallback, int min, int max) {
    String raw = ctx.queryParam(field);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequest(field, field + " '" + raw + "' must be a whole number " + min + "-" + max);
  }

  static <E extends Enum<E>> E choice(Context ctx, String field, Class<E> type, E fallback) {
    String raw = ctx.queryParam(field);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(raw.strip())) {
        return value;
      }
    }
    throw new BadRequest(
        field,
        field
            + " '"
            + raw
            + "' must be one of "
            + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
                .toList());
  }

  private static Instant instant(Context ctx, String field, Instant fallback) {
    String raw = ctx.queryParam(field);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    Instant value;
    try {
      if (raw.chars().allMatch(Character::isDigit) && raw.length() <= 15) {
        value = Instant.ofEpochMilli(Long.parseLong(raw));
      } else if (raw.length() == 10) {
        value = LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        value = Instant.parse(raw);
      }
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          field,
          field
              + " '"
              + raw
              + "' is not an ISO-8601 instant (2026-11-16T08:00:00Z), a date (2026-11-16)"
              + " or epoch milliseconds");
    }
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw new BadRequest(
          field, field + " '" + raw + "' must be between " + EARLIEST + " and " + LATEST);
    }
    return value;
  }
}
