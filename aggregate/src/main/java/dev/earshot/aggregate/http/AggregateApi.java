package dev.earshot.aggregate.http;

import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.query.AlertQueries;
import dev.earshot.aggregate.query.ViewQueries;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Every route of the aggregate query API, registered in one place (the service and the tests use
 * it), and its OpenAPI document at {@code GET /api/v1/openapi.json}, which a test checks against
 * the routes registered here.
 */
public final class AggregateApi {
  public static final String OPENAPI_PATH = "/api/v1/openapi.json";

  /** The path prefixes that need the {@code query} role when tokens are required. */
  public static final List<String> PROTECTED =
      List.of(ViewQueries.PATH, ShareOfVoiceRoutes.PATH, AlertQueries.PATH, OPENAPI_PATH);

  static final String OPENAPI_RESOURCE = "/openapi/aggregate.json";

  private AggregateApi() {}

  /**
   * @param ownBrand the brand share of voice marks as the team's own, or null
   */
  public static void register(
      RoutesConfig routes,
      ViewQueries views,
      AlertQueries alerts,
      ViewSettings settings,
      Clock clock,
      MeterRegistry metrics,
      String ownBrand) {
    new ViewRoutes(views, settings, clock, metrics).register(routes);
    new ShareOfVoiceRoutes(views, settings, clock, ownBrand).register(routes);
    new AlertRoutes(alerts, clock).register(routes);
    byte[] document = document();
    routes.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(document));
  }

  static byte[] document() {
    try (InputStream in = AggregateApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
