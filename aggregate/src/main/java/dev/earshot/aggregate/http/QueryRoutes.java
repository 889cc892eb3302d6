package dev.earshot.aggregate.http;

import dev.earshot.aggregate.AudienceTopicKey;
import dev.earshot.aggregate.query.Answer;
import dev.earshot.aggregate.query.AudienceTopicQueries;
import dev.earshot.schemas.LabelNames;
import dev.earshot.service.EarshotCounter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP face of the queries: parses and checks parameters (400 naming the field), maps answers
 * to 200, and unavailability (e.g. a rebalance) to 503 with Retry-After.
 *
 * <pre>
 * GET /api/v1/audience-topics?from=&amp;to=                      every cell's totals
 * GET /api/v1/audience-topics/{audience}/{topic}?from=&amp;to=   one cell, hourly windows
 * </pre>
 *
 * {@code from} and {@code to} are ISO-8601 instants or dates (UTC); windows whose start lies in
 * [from, to) count. Defaults: the last 30 days up to now.
 */
public final class QueryRoutes {
  static final String BASE = AudienceTopicQueries.PATH;
  private static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);

  /** Window stores count milliseconds from 1970; an instant outside this range is a bad query. */
  static final Instant EARLIEST = Instant.EPOCH;

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final AudienceTopicQueries queries;
  private final Clock clock;
  private final MeterRegistry metrics;

  public QueryRoutes(AudienceTopicQueries queries, Clock clock, MeterRegistry metrics) {
    this.queries = queries;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void register(Javalin app) {
    app.get(BASE, this::allCells);
    app.get(BASE + "/{audience}/{topic}", this::cell);
    app.exception(
        BadRequest.class,
        (e, ctx) -> {
          EarshotCounter.HTTP_REJECTED.in(metrics, "field", e.field()).increment();
          Map<String, String> body = new LinkedHashMap<>();
          body.put("error", e.getMessage());
          body.put("field", e.field());
          ctx.status(400).json(body);
        });
  }

  private void allCells(Context ctx) {
    Range range = range(ctx);
    respond(
        ctx,
        localOnly(ctx)
            ? queries.localCells(range.from, range.to)
            : queries.allCells(range.from, range.to),
        range);
  }

  private void cell(Context ctx) {
    String audience = label(ctx, "audience");
    String topic = label(ctx, "topic");
    Range range = range(ctx);
    AudienceTopicKey key = new AudienceTopicKey(audience, topic);
    respond(
        ctx,
        localOnly(ctx)
            ? queries.localCell(key, range.from, range.to)
            : queries.cell(key, range.from, range.to),
        range);
  }

  /**
   * {@code scope=local} answers from this instance's stores only; instances use it to ask each
   * other, so a request is forwarded at most once.
   */
  private static boolean localOnly(Context ctx) {
    String scope = ctx.queryParam("scope");
    if (scope == null || scope.isBlank() || scope.equals("all")) {
      return false;
    }
    if (scope.equals("local")) {
      return true;
    }
    throw new BadRequest("scope", "scope '" + scope + "' must be 'all' (default) or 'local'");
  }

  private static void respond(Context ctx, Answer<?> answer, Range range) {
    if (answer instanceof Answer.Found<?> found) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("from", range.from);
      body.put("to", range.to);
      body.put("result", found.value());
      body.put("instances", found.instances());
      ctx.json(body);
    } else if (answer instanceof Answer.Unavailable<?> unavailable) {
      ctx.status(503).header("Retry-After", "5").json(Map.of("error", unavailable.reason()));
    }
  }

  private static String label(Context ctx, String field) {
    String value = ctx.pathParam(field);
    if (!LabelNames.isValid(value)) {
      throw new BadRequest(field, field + " '" + value + "' must be a label: " + LabelNames.RULE);
    }
    return value;
  }

  private Range range(Context ctx) {
    Instant now = clock.instant();
    Instant to = instant(ctx, "to", now);
    Instant from = instant(ctx, "from", to.minus(DEFAULT_LOOKBACK));
    if (!from.isBefore(to)) {
      throw new BadRequest("to", "to (" + to + ") must be after from (" + from + ")");
    }
    return new Range(from, to);
  }

  private static Instant instant(Context ctx, String field, Instant fallback) {
    String raw = ctx.queryParam(field);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    Instant value;
    try {
      value =
          raw.length() == 10
              ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
              : Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          field,
          field
              + " '"
              + raw
              + "' is not an ISO-8601 instant (2026-11-16T08:00:00Z) or date (2026-11-16)");
    }
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw new BadRequest(
          field, field + " '" + raw + "' must be between " + EARLIEST + " and " + LATEST);
    }
    return value;
  }

  private record Range(Instant from, Instant to) {}
}
