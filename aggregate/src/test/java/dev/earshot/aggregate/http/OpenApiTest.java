package dev.earshot.aggregate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.aggregate.alert.Judge;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.cell.Sketches;
import dev.earshot.aggregate.query.AlertSummary;
import dev.earshot.aggregate.query.CellSeries;
import dev.earshot.aggregate.query.CellSummary;
import dev.earshot.aggregate.query.Partial;
import dev.earshot.aggregate.query.ShareOfVoice;
import dev.earshot.schemas.LabelNames;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import dev.earshot.service.Json;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document served at /api/v1/openapi.json against the code: the same GET routes as
 * registered, the same choices as the enums the routes read, every documented checked parameter
 * refused by name when bad, and the same fields as the answers' JSON.
 */
class OpenApiTest extends ApiTestServer {
  private static JsonNode doc;

  @BeforeAll
  static void read() throws Exception {
    HttpResponse<String> r = get(AggregateApi.OPENAPI_PATH);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.contains("json"));
    doc = Json.MAPPER.readTree(r.body());
  }

  @Test
  void itDocumentsExactlyTheRoutesTheApiRegisters() {
    Set<String> registered = new TreeSet<>();
    http.app().unsafe.internalRouter.allHttpHandlers().stream()
        .map(h -> h.endpoint)
        .filter(e -> e.method == HandlerType.GET && e.path.startsWith("/api/"))
        .forEach(e -> registered.add(e.path));
    Set<String> documented = new TreeSet<>();
    doc.path("paths").fieldNames().forEachRemaining(documented::add);

    assertThat(documented).isEqualTo(registered);
    assertThat(doc.path("openapi").asText()).startsWith("3.");
  }

  @Test
  void itsChoicesAreTheOnesTheCodeAccepts() {
    JsonNode params = doc.path("components").path("parameters");
    assertThat(strings(params.path("View").path("schema").path("enum")))
        .containsExactlyElementsOf(Arrays.stream(View.values()).map(View::id).toList());
    assertThat(params.path("LabelA").path("schema").path("pattern").asText())
        .isEqualTo("^" + LabelNames.PATTERN.pattern() + "$");
    assertThat(enumOf("/api/v1/views/{view}/cells", "rank"))
        .containsExactlyElementsOf(ids(CellRanking.Rank.values()));
    assertThat(enumOf("/api/v1/views/{view}/cells/{a}", "fill"))
        .containsExactlyElementsOf(ids(ViewRoutes.Fill.values()));
    assertThat(enumOf("/api/v1/views/{view}/cells/{a}/{b}", "detail"))
        .containsExactlyElementsOf(ids(ViewRoutes.Detail.values()));
    assertThat(enumOf("/api/v1/share-of-voice", "by"))
        .containsExactlyElementsOf(ids(ShareOfVoice.By.values()));
    assertThat(enumOf("/api/v1/alerts", "severity"))
        .containsExactlyElementsOf(ids(Judge.Severity.values()));
    JsonNode cells = doc.path("paths").path("/api/v1/views/{view}/cells").path("get");
    for (Dimension dimension : Dimension.values()) {
      assertThat(parameterNames(cells)).contains(dimension.field());
    }
    assertThat(doc.at("/paths/~1api~1v1~1views~1{view}~1cells/get/parameters").toString())
        .contains("\"maximum\":" + QueryParams.MAX_LIMIT);
  }

  /** Every documented query or path parameter that has a rule: a value breaking it is a 400. */
  static Stream<Arguments> checkedParameters() throws Exception {
    read();
    List<Arguments> cases = new ArrayList<>();
    Iterator<String> paths = doc.path("paths").fieldNames();
    while (paths.hasNext()) {
      String path = paths.next();
      for (JsonNode p : doc.path("paths").path(path).path("get").path("parameters")) {
        JsonNode param = resolve(p);
        String bad = badValue(param.path("name").asText(), param.path("schema"));
        if (bad != null) {
          cases.add(
              Arguments.of(path, param.path("name").asText(), param.path("in").asText(), bad));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}={3}")
  @MethodSource("checkedParameters")
  void aValueBreakingADocumentedRuleIsRefusedNamingTheParameter(
      String path, String name, String in, String bad) throws Exception {
    String view = viewFor(path, name);
    String concrete =
        path.replace("{view}", in.equals("path") && name.equals("view") ? bad : view)
            .replace("{a}", in.equals("path") && name.equals("a") ? bad : "acme")
            .replace("{b}", in.equals("path") && name.equals("b") ? bad : "annual-fees");
    if (in.equals("query")) {
      concrete += "?" + name + "=" + URLEncoder.encode(bad, StandardCharsets.UTF_8);
    }

    HttpResponse<String> r = get(concrete);

    assertThat(r.statusCode()).as(concrete + " " + r.body()).isEqualTo(400);
    String field = Json.MAPPER.readTree(r.body()).path("field").asText();
    // A bad label in a path is named after its dimension; a bad 'view' by the path's own name.
    assertThat(field)
        .isIn(name, name.equals("a") ? "brand" : name, name.equals("b") ? "topic" : name);
  }

  @Test
  void theDocumentedAnswersHaveTheFieldsTheCodeWrites() {
    Cell cell = Cell.empty();
    CellKey key = new CellKey(View.BRAND_TOPIC, List.of("acme", "annual-fees"));
    CellSummary summary = CellSummary.of(key, cell).withPrevious(3);
    assertFields("CellSummary", summary);
    assertFields("Estimate", new Sketches.Estimate(1, 1, 1, 0.01));
    assertFields("TopItem", new Sketches.TopItem("x", 1, 0));
    Instant t = Instant.EPOCH;
    assertFields(
        "CellSeries",
        new CellSeries(
            "brand-topic",
            "1h",
            t,
            t,
            summary,
            List.of(new CellSeries.WindowFigures(t, t, summary))));
    assertFields("Partial", Partial.of(key.encode(), 0L, cell));
    assertFields("BrandShare", new ShareOfVoice.BrandShare("acme", true, 1, 1, 0, 0));
    assertFields("ShareGroup", new ShareOfVoice.Group("fees", 1, List.of()));
    assertFields(
        "Alert",
        new AlertSummary(
            "id",
            "volume",
            "critical",
            "topic",
            "fees",
            null,
            t,
            t,
            1,
            1,
            1,
            1,
            0,
            24,
            List.of(),
            t));
  }

  private static void assertFields(String schema, Object answer) {
    JsonNode written = Json.MAPPER.valueToTree(answer);
    Set<String> fields = new TreeSet<>();
    written.fieldNames().forEachRemaining(fields::add);
    Set<String> documented = new TreeSet<>();
    doc.path("components")
        .path("schemas")
        .path(schema)
        .path("properties")
        .fieldNames()
        .forEachRemaining(documented::add);
    assertThat(documented).as(schema).containsAll(fields);
    // nullable fields left out when null are documented too, and nothing else is
    Set<String> extra = new HashSet<>(documented);
    extra.removeAll(fields);
    assertThat(extra).as(schema + " documents fields the code never writes").isEmpty();
  }

  private static String viewFor(String path, String name) {
    if (path.contains("{b}")) {
      return View.BRAND_TOPIC.id();
    }
    if (path.contains("{a}")) {
      return View.BRAND.id();
    }
    for (Dimension dimension : Dimension.values()) {
      if (dimension.field().equals(name)) {
        return Arrays.stream(View.values())
            .filter(v -> v.dimensions().contains(dimension))
            .findFirst()
            .orElseThrow()
            .id();
      }
    }
    return View.BRAND.id();
  }

  /** A value that breaks the parameter's documented rule, or null when it has none. */
  private static String badValue(String name, JsonNode schema) {
    if (schema.has("enum")) {
      return "not-one-of-them";
    }
    if (schema.has("pattern")) {
      return "NOT-A-LABEL";
    }
    if (schema.path("type").asText().equals("integer")) {
      return schema.has("maximum") ? String.valueOf(schema.path("maximum").asLong() + 1) : "-1";
    }
    if (name.equals("from") || name.equals("to")) {
      return "yesterday";
    }
    return name.equals("cell") ? "no-such-cell" : null;
  }

  private static JsonNode resolve(JsonNode param) {
    if (param.has("$ref")) {
      String ref = param.path("$ref").asText();
      return doc.at(ref.substring(1));
    }
    return param;
  }

  private static List<String> enumOf(String path, String name) {
    for (JsonNode p : doc.path("paths").path(path).path("get").path("parameters")) {
      JsonNode param = resolve(p);
      if (param.path("name").asText().equals(name)) {
        return strings(param.path("schema").path("enum"));
      }
    }
    throw new AssertionError(path + " documents no " + name);
  }

  private static List<String> parameterNames(JsonNode operation) {
    List<String> names = new ArrayList<>();
    operation.path("parameters").forEach(p -> names.add(resolve(p).path("name").asText()));
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<String> ids(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }
}
