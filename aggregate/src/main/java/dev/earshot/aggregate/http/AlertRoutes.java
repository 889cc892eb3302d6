package dev.earshot.aggregate.http;

import dev.earshot.aggregate.alert.Judge;
import dev.earshot.aggregate.query.AlertQueries;
import dev.earshot.aggregate.query.AlertSummary;
import dev.earshot.aggregate.query.Answer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/alerts?from=&to=&severity=}: the spikes that started in [from, to) (default:
 * the last 30 days), newest first, from every instance; {@code severity=critical} keeps only those.
 * {@code GET /api/v1/alerts/local} is one instance's share, for the others.
 */
public final class AlertRoutes {
  private final AlertQueries queries;
  private final Clock clock;

  public AlertRoutes(AlertQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.get(AlertQueries.PATH, this::alerts);
    routes.get(AlertQueries.LOCAL_PATH, this::local);
  }

  private void alerts(Context ctx) {
    QueryParams.Range range = QueryParams.range(ctx, clock);
    Judge.Severity least = QueryParams.choice(ctx, "severity", Judge.Severity.class, null);
    Answer<List<AlertSummary>> answer = queries.alerts(range.from(), range.to());
    if (answer instanceof Answer.Found<List<AlertSummary>> found) {
      List<AlertSummary> kept =
          found.value().stream()
              .filter(a -> least == null || Judge.Severity.of(a.severity()).compareTo(least) >= 0)
              .toList();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("from", range.from());
      body.put("to", range.to());
      body.put("result", kept);
      body.put("instances", found.instances());
      ctx.json(body);
    } else {
      Responses.unavailable(ctx, answer);
    }
  }

  private void local(Context ctx) {
    QueryParams.Range range = QueryParams.range(ctx, clock);
    Answer<List<AlertSummary>> answer = queries.localAlerts(range.from(), range.to());
    if (answer instanceof Answer.Found<List<AlertSummary>> found) {
      ctx.json(Map.of("result", found.value(), "instances", found.instances()));
    } else {
      Responses.unavailable(ctx, answer);
    }
  }
}
