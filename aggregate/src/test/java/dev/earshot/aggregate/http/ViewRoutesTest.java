package dev.earshot.aggregate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.schemas.views.WindowSize;
import dev.earshot.service.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every route's parameter checks: 400 naming the field and counted, else on to the stores. */
class ViewRoutesTest extends ApiTestServer {
  @ParameterizedTest
  @CsvSource({
    "/api/v1/views/brands/cells, view",
    "/api/v1/views/audience-topic/cells/Newlyweds/rewards, audience",
    "/api/v1/views/audience-topic/cells/newlyweds/re%7Cwards, topic",
    "/api/v1/views/audience-topic/cells/newlyweds, view",
    "/api/v1/views/brand/cells/acme/fees, view",
    "/api/v1/views/brand/cells?from=yesterday, from",
    "/api/v1/views/brand/cells?to=2026-13-01, to",
    "/api/v1/views/brand/cells?from=2026-11-17&to=2026-11-16, to",
    "/api/v1/views/brand/cells?from=2026-11-16T08:00:00Z&to=2026-11-16T08:00:00Z, to",
    "/api/v1/views/brand/cells?interval=1w, interval",
    "/api/v1/views/brand/cells?interval=15m, interval",
    "/api/v1/views/brand/cells?limit=0, limit",
    "/api/v1/views/brand/cells?limit=1001, limit",
    "/api/v1/views/brand/cells?offset=-1, offset",
    "/api/v1/views/brand/cells?rank=loudest, rank",
    "/api/v1/views/brand/cells?brand=Acme, brand",
    "/api/v1/views/brand/cells/acme?fill=ones, fill",
    "/api/v1/views/brand/cells/acme?detail=everything, detail",
    "/api/v1/views/brand/cells/acme?fill=zero&interval=1m&from=2026-01-01, fill",
    "/api/v1/views/brand/partials?cell=nothing, cell",
    "/api/v1/share-of-voice?by=department, by",
    "/api/v1/share-of-voice?interval=2h, interval",
    "/api/v1/share-of-voice?from=last-week, from",
    "/api/v1/alerts?severity=loud, severity",
    "/api/v1/alerts?from=2026-11-20&to=2026-11-19, to",
  })
  void aBadParameterIs400NamingTheFieldAndCounted(String path, String field) throws Exception {
    double before = rejected(field);

    HttpResponse<String> r = get(path);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.path("field").asText()).isEqualTo(field);
    assertThat(body.path("error").asText()).isNotBlank();
    assertThat(rejected(field)).isEqualTo(before + 1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/views/brand/cells",
        "/api/v1/views/brand-topic/cells?from=2026-11-16&to=2026-11-21&rank=negative_share",
        "/api/v1/views/brand/cells?from=1763251200000&to=1763683200000&brand=acme",
        "/api/v1/views/audience-topic/cells/newlyweds/card-consolidation?fill=zero",
        "/api/v1/views/stage-brand/cells/unassigned/acme?interval=1m&from=2026-11-16T10:00:00Z",
        "/api/v1/views/brand/partials?interval=1h&cell=brand%7Cacme",
        "/api/v1/views/topic/cells?rank=growth&from=2026-11-19&to=2026-11-20",
        "/api/v1/views/topic/cells?rank=growth&from=0&to=2026-11-20",
        "/api/v1/share-of-voice",
        "/api/v1/share-of-voice?by=audience&from=2026-11-16&to=2026-11-21",
        "/api/v1/share-of-voice?by=all&interval=1h",
        "/api/v1/alerts",
        "/api/v1/alerts?severity=critical&from=2026-11-16&to=2026-11-21",
        "/api/v1/alerts/local?from=1763251200000",
      })
  void aGoodQueryReachesTheStoresWhichAnswer503WithRetryAfterWhileNotRunning(String path)
      throws Exception {
    HttpResponse<String> r = get(path);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).contains("5");
    assertThat(Json.MAPPER.readTree(r.body()).path("error").asText()).contains("CREATED");
  }

  @Test
  void theCatalogueListsEveryViewWithItsDimensionsAndWindows() throws Exception {
    HttpResponse<String> r = get("/api/v1/views");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode views = Json.MAPPER.readTree(r.body()).path("views");
    assertThat(views).hasSize(7);
    JsonNode first = views.get(0);
    assertThat(first.path("view").asText()).isEqualTo("audience-topic");
    assertThat(first.path("dimensions").toString()).isEqualTo("[\"audience\",\"topic\"]");
    assertThat(first.path("windows").get(2).path("interval").asText()).isEqualTo("1d");
  }

  @Test
  void theDefaultIntervalIsTheLargestSizeTheRangeHoldsTwice() {
    List<WindowSize> sizes =
        List.of(WindowSize.parse("1m"), WindowSize.parse("1h"), WindowSize.parse("1d"));
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-21T00:00:00Z")).isEqualTo("1d");
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z")).isEqualTo("1h");
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-16T01:00:00Z")).isEqualTo("1m");
    assertThat(interval(sizes, "2026-11-16T00:00:00Z", "2026-11-16T00:01:00Z")).isEqualTo("1m");
  }

  @Test
  void totalsUseTheLargestSizeThatTilesTheRangeExactly() {
    List<WindowSize> sizes =
        List.of(WindowSize.parse("1m"), WindowSize.parse("1h"), WindowSize.parse("1d"));
    assertThat(totals(sizes, "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z")).isEqualTo("1d");
    assertThat(totals(sizes, "2026-11-16T06:00:00Z", "2026-11-17T06:00:00Z")).isEqualTo("1h");
    assertThat(totals(sizes, "2026-11-16T06:01:00Z", "2026-11-16T06:31:00Z")).isEqualTo("1m");
    // no size tiles it: as for a series
    assertThat(totals(sizes, "2026-11-16T06:00:30Z", "2026-11-19T00:00:00Z")).isEqualTo("1d");
  }

  private static String totals(List<WindowSize> sizes, String from, String to) {
    QueryParams.Range range = new QueryParams.Range(Instant.parse(from), Instant.parse(to));
    return QueryParams.tilingInterval(sizes, range).token();
  }

  private static String interval(List<WindowSize> sizes, String from, String to) {
    QueryParams.Range range = new QueryParams.Range(Instant.parse(from), Instant.parse(to));
    return QueryParams.defaultInterval(sizes, range).token();
  }
}
