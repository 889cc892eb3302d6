package dev.earshot.aggregate.http;

import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.WindowSpec;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.query.Answer;
import dev.earshot.aggregate.query.CellSeries;
import dev.earshot.aggregate.query.CellSummary;
import dev.earshot.aggregate.query.Partial;
import dev.earshot.aggregate.query.ViewQueries;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import dev.earshot.service.EarshotCounter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP face of the views: parses and checks parameters ({@link QueryParams}; 400 naming the
 * field), maps answers to 200, and unavailability (e.g. a rebalance) to 503 with Retry-After.
 *
 * <pre>
 * GET /api/v1/views                                        the views, their dimensions and sizes
 * GET /api/v1/views/{view}/cells?from=&amp;to=&amp;interval=      every cell's totals, ranked, paged
 * GET /api/v1/views/{view}/cells/{label}[/{label}]?...      one cell: totals and its windows
 * GET /api/v1/views/{view}/partials?...[&amp;cell=]            this instance's share (for peers)
 * </pre>
 */
public final class ViewRoutes {
  private final ViewQueries queries;
  private final ViewSettings settings;
  private final Clock clock;
  private final MeterRegistry metrics;

  public ViewRoutes(
      ViewQueries queries, ViewSettings settings, Clock clock, MeterRegistry metrics) {
    this.queries = queries;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void register(RoutesConfig routes) {
    routes.get(ViewQueries.PATH, this::catalogue);
    routes.get(ViewQueries.PATH + "/{view}/cells", this::cells);
    routes.get(ViewQueries.PATH + "/{view}/cells/{a}", this::cell);
    routes.get(ViewQueries.PATH + "/{view}/cells/{a}/{b}", this::cell);
    routes.get(ViewQueries.PATH + "/{view}/partials", this::partials);
    routes.exception(
        BadRequest.class,
        (e, ctx) -> {
          EarshotCounter.HTTP_REJECTED.in(metrics, "field", e.field()).increment();
          Map<String, String> body = new LinkedHashMap<>();
          body.put("error", e.getMessage());
          body.put("field", e.field());
          ctx.status(400).json(body);
        });
  }

  private void catalogue(Context ctx) {
    List<Map<String, Object>> views = new ArrayList<>();
    for (View view : View.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("view", view.id());
      entry.put("dimensions", view.dimensions().stream().map(Dimension::field).toList());
      List<Map<String, Object>> windows = new ArrayList<>();
      for (WindowSpec spec : settings.of(view)) {
        windows.add(
            Map.of(
                "interval", spec.size().token(),
                "grace", spec.grace().toString(),
                "retention", spec.retention().toString()));
      }
      entry.put("windows", windows);
      views.add(entry);
    }
    ctx.json(Map.of("views", views));
  }

  /** All cells of a view over the range, ranked, filtered by any dimension given, and paged. */
  private void cells(Context ctx) {
    View view = view(ctx);
    QueryParams.Range range = QueryParams.range(ctx, clock);
    WindowSize size = QueryParams.totalsInterval(ctx, sizes(view), range);
    CellRanking ranking = CellRanking.from(ctx, view);
    int limit =
        QueryParams.integer(ctx, "limit", QueryParams.DEFAULT_LIMIT, 1, QueryParams.MAX_LIMIT);
    int offset = QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    Answer<Map<String, Cell>> answer = queries.cells(view, size, range.from(), range.to());
    Answer<Map<String, Cell>> previous = answer;
    if (ranking.needsPrevious() && answer instanceof Answer.Found) {
      Instant start = range.from().minus(Duration.between(range.from(), range.to()));
      previous =
          range.from().equals(QueryParams.EARLIEST)
              ? new Answer.Found<>(Map.of(), List.of())
              : queries.cells(view, size, max(start, QueryParams.EARLIEST), range.from());
    }
    if (answer instanceof Answer.Found<Map<String, Cell>> found
        && previous instanceof Answer.Found<Map<String, Cell>> before) {
      List<CellSummary> ranked = ranking.apply(found.value(), before.value());
      Map<String, Object> body = Responses.header(view.id(), size, range);
      body.put("total_cells", ranked.size());
      body.put("offset", offset);
      body.put("limit", limit);
      int start = Math.min(offset, ranked.size());
      int end = (int) Math.min(ranked.size(), (long) offset + limit);
      body.put("result", ranked.subList(start, end));
      body.put("instances", found.instances());
      ctx.json(body);
    } else {
      Responses.unavailable(ctx, answer instanceof Answer.Unavailable ? answer : previous);
    }
  }

  /**
   * One cell: its totals over the range and its windows, zero-filled with {@code fill=zero}; the
   * windows carry unique authors and top items only with {@code detail=full}.
   */
  private void cell(Context ctx) {
    View view = view(ctx);
    CellKey key = cellKey(ctx, view);
    QueryParams.Range range = QueryParams.range(ctx, clock);
    WindowSize size = QueryParams.interval(ctx, sizes(view), range);
    boolean zeros = QueryParams.choice(ctx, "fill", Fill.class, Fill.NONE) == Fill.ZERO;
    boolean full = QueryParams.choice(ctx, "detail", Detail.class, Detail.TOTALS) == Detail.FULL;
    if (zeros && range.to().toEpochMilli() - range.from().toEpochMilli() > size.millis() * 10_000) {
      throw new BadRequest("fill", "fill=zero gives at most 10,000 windows: widen interval");
    }
    Answer<List<Partial>> answer = queries.windows(key, size, range.from(), range.to());
    if (answer instanceof Answer.Found<List<Partial>> found) {
      CellSeries series = CellSeriesOf.of(key, size, range, found.value(), zeros, full);
      Map<String, Object> body = Responses.header(view.id(), size, range);
      body.put("result", series);
      body.put("instances", found.instances());
      ctx.json(body);
    } else {
      Responses.unavailable(ctx, answer);
    }
  }

  private void partials(Context ctx) {
    View view = view(ctx);
    QueryParams.Range range = QueryParams.range(ctx, clock);
    WindowSize size = QueryParams.interval(ctx, sizes(view), range);
    String cell = ctx.queryParam("cell");
    Answer<List<Partial>> answer;
    if (cell == null || cell.isBlank()) {
      answer = queries.localCells(view, size, range.from(), range.to());
    } else {
      CellKey key;
      try {
        key = CellKey.decode(cell);
      } catch (IllegalArgumentException e) {
        throw new BadRequest("cell", "cell '" + cell + "' is not a cell key: " + e.getMessage());
      }
      if (key.view() != view) {
        throw new BadRequest("cell", "cell '" + cell + "' is not a cell of " + view.id());
      }
      answer = queries.localWindows(key, size, range.from(), range.to());
    }
    if (answer instanceof Answer.Found<List<Partial>> found) {
      ctx.json(Map.of("result", found.value(), "instances", found.instances()));
    } else {
      Responses.unavailable(ctx, answer);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private List<WindowSize> sizes(View view) {
    return settings.of(view).stream().map(WindowSpec::size).toList();
  }

  private static View view(Context ctx) {
    String id = ctx.pathParam("view");
    return View.byId(id)
        .orElseThrow(
            () ->
                new BadRequest(
                    "view",
                    "view '"
                        + id
                        + "' must be one of "
                        + java.util.Arrays.stream(View.values()).map(View::id).toList()));
  }

  private static CellKey cellKey(Context ctx, View view) {
    List<String> labels = new ArrayList<>();
    labels.add(ctx.pathParam("a"));
    if (ctx.pathParamMap().containsKey("b")) {
      labels.add(ctx.pathParam("b"));
    }
    List<Dimension> dimensions = view.dimensions();
    if (labels.size() != dimensions.size()) {
      throw new BadRequest(
          "view",
          view.id()
              + " cells have "
              + dimensions.size()
              + " labels: "
              + dimensions.stream().map(Dimension::field).toList());
    }
    for (int i = 0; i < labels.size(); i++) {
      QueryParams.label(dimensions.get(i).field(), labels.get(i));
    }
    return new CellKey(view, labels);
  }

  /** Which figures carry the sketch estimates: the totals only (default), or every window too. */
  enum Detail {
    TOTALS,
    FULL
  }

  enum Fill {
    NONE,
    ZERO
  }
}
