package dev.earshot.aggregate.http;

import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.WindowSpec;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.query.Answer;
import dev.earshot.aggregate.query.ShareOfVoice;
import dev.earshot.aggregate.query.ViewQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /api/v1/share-of-voice?by=topic|audience|all&from=&to=&interval=}: each brand's share
 * of the brand mentions per topic, per audience or over everything, with the listening team's own
 * brand ({@code listening.own.brand}) marked. Computed from the brand-topic, brand-audience or
 * brand view's cells, merged from every instance like any list of cells.
 */
public final class ShareOfVoiceRoutes {
  public static final String PATH = "/api/v1/share-of-voice";

  private final ViewQueries queries;
  private final ViewSettings settings;
  private final Clock clock;
  private final String ownBrand;

  public ShareOfVoiceRoutes(
      ViewQueries queries, ViewSettings settings, Clock clock, String ownBrand) {
    this.queries = queries;
    this.settings = settings;
    this.clock = clock;
    this.ownBrand = ownBrand;
  }

  public void register(RoutesConfig routes) {
    routes.get(PATH, this::shares);
  }

  private void shares(Context ctx) {
    ShareOfVoice.By by =
        QueryParams.choice(ctx, "by", ShareOfVoice.By.class, ShareOfVoice.By.TOPIC);
    QueryParams.Range range = QueryParams.range(ctx, clock);
    var size =
        QueryParams.totalsInterval(
            ctx, settings.of(by.view()).stream().map(WindowSpec::size).toList(), range);
    Answer<Map<String, Cell>> answer = queries.cells(by.view(), size, range.from(), range.to());
    if (answer instanceof Answer.Found<Map<String, Cell>> found) {
      Map<String, Object> body = Responses.header(by.view().id(), size, range);
      body.put("by", by.name().toLowerCase(java.util.Locale.ROOT));
      body.put("own_brand", ownBrand);
      body.put("result", ShareOfVoice.of(by, found.value(), ownBrand));
      body.put("instances", found.instances());
      ctx.json(body);
    } else {
      Responses.unavailable(ctx, answer);
    }
  }
}
