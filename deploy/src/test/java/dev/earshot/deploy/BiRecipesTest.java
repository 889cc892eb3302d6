package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The BI recipes in {@code deploy/bi/} name only what earshot writes: topics of {@link Topics}, the
 * fields of {@link ViewWindow} with compatible types, and each view's {@link View#dimensions()}.
 * The recipes are parsed as the stores would read them (JSON, SQL DDL), not searched for strings.
 */
class BiRecipesTest {
  private static final Path BI = Path.of("bi");
  private static final Schema WINDOW = ViewWindow.getClassSchema();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DIMENSION_FIELDS =
      Arrays.stream(Dimension.values()).map(Dimension::field).collect(Collectors.toSet());
  private static final String READ_COMMITTED = "read_committed";

  // ---------------------------------------------------------------- the recipes, one test each

  @Test
  void postgresConnectorUpsertsAnUpdatesTopicOnTheViewsIdentity() {
    checkPostgresConnector(read("postgres-jdbc-sink.json"));
  }

  @Test
  void postgresTablesHoldExactlyWhatTheConnectorWritesForEveryView() {
    checkPostgresTables(read("postgres-views.sql"), read("postgres-jdbc-sink.json"));
  }

  @Test
  void clickHouseUpsertsUpdatesAndAppendsFinalsWithMatchingColumns() {
    checkClickHouse(read("clickhouse.sql"));
  }

  @Test
  void druidAppendsAFinalTopicWithTheViewsDimensions() {
    checkDruid(read("druid-supervisor.json"));
  }

  @Test
  void pinotAppendsAFinalTopicWithTheViewsDimensions() {
    checkPinot(read("pinot-schema.json"), read("pinot-table.json"));
  }

  @Test
  void theReadmeListsEachViewsDimensionsAndEveryRecipe() {
    checkViewTable(read("README.md"));
    try (Stream<Path> files = Files.list(BI)) {
      String readme = read("README.md");
      files
          .map(f -> f.getFileName().toString())
          .filter(name -> !name.equals("README.md"))
          .forEach(name -> assertThat(readme).as("bi/README.md names %s", name).contains(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(readText(Path.of("..", "README.md"))).contains("deploy/bi/");
  }

  @Test
  void everyRecipeUsesTheSameConfluentCompatibleRegistryUrl() {
    Set<String> urls = new LinkedHashSet<>();
    urls.add(checkPostgresConnector(read("postgres-jdbc-sink.json")).registry());
    checkClickHouse(read("clickhouse.sql")).forEach(r -> urls.add(r.registry()));
    urls.add(checkDruid(read("druid-supervisor.json")).registry());
    urls.add(checkPinot(read("pinot-schema.json"), read("pinot-table.json")).registry());
    assertThat(urls).hasSize(1);
  }

  /** Each check must be able to fail: a drifted copy of each recipe is refused. */
  @Test
  void theChecksRefuseDriftedRecipes() {
    String connector = read("postgres-jdbc-sink.json");
    String tables = read("postgres-views.sql");
    refused(
        connector,
        "\"audience,topic,window_start\"",
        "\"audience,window_start\"",
        BiRecipesTest::checkPostgresConnector);
    refused(
        connector,
        "brand,department,stage,top_authors,top_hashtags",
        "brand,department,stage,top_authors",
        BiRecipesTest::checkPostgresConnector);
    refused(
        tables,
        "unique_authors_high bigint",
        "unique_authors_hi bigint",
        t -> checkPostgresTables(t, connector));
    refused(tables, "closed boolean", "closed bigint", t -> checkPostgresTables(t, connector));
    refused(
        read("clickhouse.sql"),
        "score_sum Float64,",
        "score_sum Int64,",
        BiRecipesTest::checkClickHouse);
    refused(
        read("clickhouse.sql"),
        "ENGINE = ReplacingMergeTree(kafka_offset)",
        "ENGINE = MergeTree",
        BiRecipesTest::checkClickHouse);
    refused(read("druid-supervisor.json"), "1h.final", "1h.updates", BiRecipesTest::checkDruid);
    refused(
        read("druid-supervisor.json"),
        "\"fieldName\": \"reach\"",
        "\"fieldName\": \"potential_reach\"",
        BiRecipesTest::checkDruid);
    String pinotSchema = read("pinot-schema.json");
    String pinotTable = read("pinot-table.json");
    refused(pinotSchema, "1:HOURS", "1:DAYS", s -> checkPinot(s, pinotTable));
    refused(pinotTable, READ_COMMITTED, "read_uncommitted", t -> checkPinot(pinotSchema, t));
    refused(
        read("README.md"),
        "| `stage-brand` | `stage`, `brand` |",
        "| `stage-brand` | `brand`, `stage` |",
        BiRecipesTest::checkViewTable);
  }

  private static void refused(String recipe, String from, String to, Consumer<String> check) {
    assertThat(recipe).as("the recipe to drift").contains(from);
    String drifted = recipe.replace(from, to);
    assertThatThrownBy(() -> check.accept(drifted))
        .as("the check of a recipe with '%s' in place of '%s'", to, from)
        .isInstanceOf(AssertionError.class);
  }

  // ---------------------------------------------------------------- what earshot writes

  /** How a field of {@link ViewWindow} is typed, as far as a store cares. */
  enum Kind {
    STRING,
    OPTIONAL_STRING,
    LONG,
    TIMESTAMP,
    DOUBLE,
    BOOLEAN,
    ARRAY
  }

  /** The kind of a {@link ViewWindow} field; fails if there is no such field. */
  private static Kind kind(String field) {
    Schema.Field f = WINDOW.getField(field);
    assertThat(f).as("ViewWindow has a field '%s' (it has %s)", field, fieldNames()).isNotNull();
    return kindOf(f.schema());
  }

  private static Kind kindOf(Schema schema) {
    return switch (schema.getType()) {
      case STRING -> Kind.STRING;
      case DOUBLE -> Kind.DOUBLE;
      case BOOLEAN -> Kind.BOOLEAN;
      case ARRAY -> Kind.ARRAY;
      case LONG ->
          schema.getLogicalType() != null
                  && schema.getLogicalType().getName().equals("timestamp-millis")
              ? Kind.TIMESTAMP
              : Kind.LONG;
      case UNION -> {
        List<Schema> types = schema.getTypes();
        assertThat(types).as("a union in ViewWindow is null or string").hasSize(2);
        assertThat(types.get(0).getType()).isEqualTo(Schema.Type.NULL);
        assertThat(types.get(1).getType()).isEqualTo(Schema.Type.STRING);
        yield Kind.OPTIONAL_STRING;
      }
      default -> throw new AssertionError("no store mapping for Avro " + schema);
    };
  }

  private static List<String> fieldNames() {
    return WINDOW.getFields().stream().map(Schema.Field::name).toList();
  }

  private static List<String> dimensions(View view) {
    return view.dimensions().stream().map(Dimension::field).toList();
  }

  /** A window's identity, as the record key has it: the view's dimensions, then its start. */
  private static List<String> identity(View view) {
    List<String> key = new ArrayList<>(dimensions(view));
    key.add("window_start");
    return key;
  }

  /** What a store without arrays drops: the arrays and the dimensions the view does not have. */
  private static Set<String> dropped(View view) {
    Set<String> dropped = new LinkedHashSet<>();
    for (String field : fieldNames()) {
      if (kind(field) == Kind.ARRAY
          || (DIMENSION_FIELDS.contains(field) && !dimensions(view).contains(field))) {
        dropped.add(field);
      }
    }
    return dropped;
  }

  private static void assertDimensions(List<String> columns, View view, String where) {
    List<String> named = columns.stream().filter(DIMENSION_FIELDS::contains).toList();
    assertThat(named)
        .as("%s: the dimensions of view %s", where, view.id())
        .containsExactlyElementsOf(dimensions(view));
  }

  /** An output topic of a view at a window size. */
  record Output(View view, WindowSize size, boolean updates, String registry) {
    Output withRegistry(String url) {
      return new Output(view, size, updates, url);
    }
  }

  /** The view and size writing this topic, which must be one of {@link Topics#all()}. */
  private static Output output(String topic) {
    assertThat(Topics.all().stream().map(Topics.Spec::name)).as("Topics.all()").contains(topic);
    for (View view : View.values()) {
      for (WindowSize size : WindowSize.DEFAULTS) {
        if (Topics.viewUpdates(view, size).equals(topic)) {
          return new Output(view, size, true, null);
        }
        if (Topics.viewFinal(view, size).equals(topic)) {
          return new Output(view, size, false, null);
        }
      }
    }
    throw new AssertionError(topic + " is no view's output topic");
  }

  private static String registry(String url) {
    assertThat(url)
        .as("the registry's Confluent-compatible API (the local stack's path)")
        .startsWith("http")
        .endsWith(SchemaRegistryProcess.CCOMPAT_PATH);
    return url;
  }

  // ---------------------------------------------------------------- PostgreSQL

  private static Output checkPostgresConnector(String text) {
    JsonNode config = json(text).path("config");
    assertThat(config.path("connector.class").asText())
        .isEqualTo("io.confluent.connect.jdbc.JdbcSinkConnector");
    Output out = output(config.path("topics").asText());
    assertThat(out.updates()).as("an upsert reads the updates topic").isTrue();
    assertThat(config.path("insert.mode").asText()).isEqualTo("upsert");
    assertThat(config.path("pk.mode").asText()).isEqualTo("record_value");
    List<String> pk = list(config.path("pk.fields").asText());
    pk.forEach(BiRecipesTest::kind);
    assertThat(pk).as("pk.fields").containsExactlyElementsOf(identity(out.view()));
    assertThat(config.path("key.converter").asText())
        .isEqualTo("org.apache.kafka.connect.storage.StringConverter");
    assertThat(config.path("value.converter").asText())
        .isEqualTo("io.confluent.connect.avro.AvroConverter");
    String url = registry(config.path("value.converter.schema.registry.url").asText());
    assertThat(config.path("consumer.override.isolation.level").asText()).isEqualTo(READ_COMMITTED);
    assertThat(config.path("table.name.format").asText()).matches("[a-z][a-z0-9_]*");
    List<String> excluded = null;
    for (String alias : list(config.path("transforms").asText())) {
      String prefix = "transforms." + alias + ".";
      if (config.path(prefix + "type").asText().endsWith(".ReplaceField$Value")) {
        excluded = list(config.path(prefix + "exclude").asText());
      }
    }
    assertThat(excluded).as("a ReplaceField$Value transform with exclude").isNotNull();
    excluded.forEach(BiRecipesTest::kind);
    assertThat(excluded)
        .as("ReplaceField exclude: the arrays and the other dimensions")
        .containsExactlyInAnyOrderElementsOf(dropped(out.view()));
    return out.withRegistry(url);
  }

  private static final Pattern PG_HEADER =
      Pattern.compile(
          "-- (\\S+): topic (\\S+); pk\\.fields=(\\S+);\\n-- exclude=(\\S+)\\n"
              + "CREATE TABLE IF NOT EXISTS (\\w+) \\(");
  private static final Pattern TABLE_NAME = Pattern.compile("earshot_([a-z_]+)_(\\d+[mhd])");

  private static void checkPostgresTables(String sql, String connectorJson) {
    Map<String, Table> tables = new HashMap<>();
    for (String statement : statements(sql)) {
      Table table = table(statement);
      if (table != null) {
        tables.put(table.name(), table);
      }
    }
    Map<View, String> byView = new LinkedHashMap<>();
    Matcher header = PG_HEADER.matcher(sql);
    while (header.find()) {
      Table table = tables.get(header.group(5));
      assertThat(table).as("table %s", header.group(5)).isNotNull();
      Output out = checkPostgresTable(table);
      assertThat(header.group(1)).isEqualTo(out.view().id());
      assertThat(header.group(2)).isEqualTo(Topics.viewUpdates(out.view(), out.size()));
      assertThat(list(header.group(3))).isEqualTo(identity(out.view()));
      assertThat(list(header.group(4))).containsExactlyInAnyOrderElementsOf(dropped(out.view()));
      byView.put(out.view(), table.name());
    }
    assertThat(byView.keySet()).as("a table per view").containsExactlyInAnyOrder(View.values());
    assertThat(byView).hasSameSizeAs(tables);
    Output connector = checkPostgresConnector(connectorJson);
    String target = json(connectorJson).path("config").path("table.name.format").asText();
    assertThat(target).as("the connector's table").isEqualTo(byView.get(connector.view()));
    assertThat(checkPostgresTable(tables.get(target)).size()).isEqualTo(connector.size());
  }

  private static Output checkPostgresTable(Table table) {
    Matcher name = TABLE_NAME.matcher(table.name());
    assertThat(name.matches()).as("%s is earshot_<view>_<size>", table.name()).isTrue();
    View view = View.byId(name.group(1).replace('_', '-')).orElseThrow();
    Output out = output(Topics.viewUpdates(view, WindowSize.parse(name.group(2))));
    List<String> columns = table.columns().stream().map(Column::name).toList();
    List<String> written = new ArrayList<>(fieldNames());
    written.removeAll(dropped(view));
    assertThat(columns)
        .as("%s: the fields the connector writes", table.name())
        .containsExactlyInAnyOrderElementsOf(written);
    assertDimensions(columns, view, table.name());
    for (Column column : table.columns()) {
      Kind kind = kind(column.name());
      assertThat(postgresFits(kind, column.type()))
          .as("%s.%s %s holds Avro %s", table.name(), column.name(), column.type(), kind)
          .isTrue();
      boolean mayBeNull = kind == Kind.OPTIONAL_STRING && !dimensions(view).contains(column.name());
      assertThat(column.notNull())
          .as("%s.%s NOT NULL", table.name(), column.name())
          .isNotEqualTo(mayBeNull);
    }
    assertThat(table.primaryKey()).as("%s primary key", table.name()).isEqualTo(identity(view));
    return out;
  }

  private static boolean postgresFits(Kind kind, String type) {
    Set<String> types =
        switch (kind) {
          case STRING, OPTIONAL_STRING -> Set.of("text", "varchar", "character varying");
          case LONG -> Set.of("bigint", "int8");
          case TIMESTAMP -> Set.of("timestamptz", "timestamp with time zone", "timestamp");
          case DOUBLE -> Set.of("double precision", "float8");
          case BOOLEAN -> Set.of("boolean", "bool");
          case ARRAY -> Set.of();
        };
    return types.contains(type.toLowerCase(Locale.ROOT));
  }

  // ---------------------------------------------------------------- ClickHouse

  private static final Pattern MATERIALIZED_VIEW =
      Pattern.compile(
          "(?is)CREATE\\s+MATERIALIZED\\s+VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)\\s+TO\\s+(\\S+)"
              + "\\s+AS\\s+SELECT\\s+(.*)\\s+FROM\\s+(\\S+)");
  private static final Pattern ENGINE =
      Pattern.compile("(?is)ENGINE\\s*=\\s*(\\w+)\\s*(?:\\(([^)]*)\\))?");
  private static final Pattern ORDER_BY = Pattern.compile("(?is)ORDER\\s+BY\\s+\\(([^)]*)\\)");
  private static final Pattern SETTINGS = Pattern.compile("(?is)SETTINGS\\s+(.*)$");
  private static final String OFFSET_COLUMN = "kafka_offset";

  /** Checks the file; returns the topics its Kafka tables read. */
  private static List<Output> checkClickHouse(String sql) {
    Map<String, Output> queues = new HashMap<>();
    Map<String, Table> stores = new HashMap<>();
    List<Output> fed = new ArrayList<>();
    for (String statement : statements(sql)) {
      Table table = table(statement);
      Matcher mv = MATERIALIZED_VIEW.matcher(statement);
      if (table != null) {
        Matcher engine = ENGINE.matcher(table.tail());
        assertThat(engine.find()).as("%s has an ENGINE", table.name()).isTrue();
        if (engine.group(1).equals("Kafka")) {
          queues.put(table.name(), checkKafkaTable(table));
        } else {
          stores.put(table.name(), table);
        }
      } else if (mv.find()) {
        Output source = queues.get(mv.group(4));
        Table target = stores.get(mv.group(2));
        assertThat(source).as("%s reads a Kafka table above it", mv.group(1)).isNotNull();
        assertThat(target).as("%s writes a table above it", mv.group(1)).isNotNull();
        checkClickHouseStore(target, source);
        List<String> selected = split(mv.group(3)).stream().map(BiRecipesTest::outputName).toList();
        assertThat(selected)
            .as("%s selects the columns of %s", mv.group(1), target.name())
            .containsExactlyInAnyOrderElementsOf(
                target.columns().stream().map(Column::name).toList());
        fed.add(source);
      }
    }
    assertThat(fed).as("every Kafka table feeds a view").hasSameSizeAs(queues.values());
    assertThat(fed.stream().map(Output::updates))
        .as("one recipe upserts updates, one appends finals")
        .contains(true, false);
    return fed;
  }

  private static Output checkKafkaTable(Table table) {
    Map<String, String> settings = new HashMap<>();
    Matcher tail = SETTINGS.matcher(table.tail());
    assertThat(tail.find()).as("%s has SETTINGS", table.name()).isTrue();
    for (String setting : split(tail.group(1))) {
      String[] pair = setting.split("=", 2);
      settings.put(pair[0].strip(), pair[1].strip().replaceAll("^'|'$", ""));
    }
    Output out = output(settings.get("kafka_topic_list"));
    assertThat(settings.get("kafka_format")).isEqualTo("AvroConfluent");
    String url = registry(settings.get("format_avro_schema_registry_url"));
    assertThat(table.columns()).as("%s columns", table.name()).isNotEmpty();
    for (Column column : table.columns()) {
      assertThat(clickHouseFits(field(column.name()), column.type(), true))
          .as("%s.%s %s holds the Avro field", table.name(), column.name(), column.type())
          .isTrue();
    }
    assertDimensions(table.columns().stream().map(Column::name).toList(), out.view(), table.name());
    return out.withRegistry(url);
  }

  private static void checkClickHouseStore(Table table, Output source) {
    Matcher engine = ENGINE.matcher(table.tail());
    assertThat(engine.find()).isTrue();
    String kind = engine.group(1);
    List<String> columns = table.columns().stream().map(Column::name).toList();
    if (source.updates()) {
      assertThat(kind)
          .as("%s upserts the updates topic: it must replace rows", table.name())
          .isEqualTo("ReplacingMergeTree");
      assertThat(columns)
          .as("%s says whether a window is settled", table.name())
          .contains("closed");
    } else {
      assertThat(kind).as("%s appends a final topic", table.name()).endsWith("MergeTree");
    }
    for (Column column : table.columns()) {
      if (column.name().equals(OFFSET_COLUMN)) {
        assertThat(column.type()).isEqualTo("UInt64");
        assertThat(engine.group(2)).as("the version of %s", table.name()).isEqualTo(OFFSET_COLUMN);
      } else {
        assertThat(clickHouseFits(field(column.name()), column.type(), false))
            .as("%s.%s %s holds the Avro field", table.name(), column.name(), column.type())
            .isTrue();
      }
    }
    assertDimensions(columns, source.view(), table.name());
    Matcher order = ORDER_BY.matcher(table.tail());
    assertThat(order.find()).as("%s has ORDER BY (...)", table.name()).isTrue();
    assertThat(list(order.group(1)))
        .as("%s ORDER BY", table.name())
        .isEqualTo(identity(source.view()));
  }

  private static Schema field(String name) {
    kind(name);
    return WINDOW.getField(name).schema();
  }

  /** Whether a ClickHouse column type reads an Avro value (a Kafka table must be Nullable). */
  private static boolean clickHouseFits(Schema avro, String type, boolean kafkaTable) {
    String base = unwrap(type, "LowCardinality");
    boolean nullable = base.startsWith("Nullable(");
    base = unwrap(base, "Nullable");
    Kind kind = kindOf(avro);
    if (kind == Kind.OPTIONAL_STRING) {
      return base.equals("String") && (nullable || !kafkaTable);
    }
    if (nullable) {
      return false;
    }
    return switch (kind) {
      case STRING -> base.equals("String");
      case LONG -> base.equals("Int64") || base.equals("UInt64");
      case TIMESTAMP -> base.matches("DateTime64\\(3(, *'UTC')?\\)");
      case DOUBLE -> base.equals("Float64");
      case BOOLEAN -> base.equals("UInt8") || base.equals("Bool");
      case ARRAY ->
          base.startsWith("Array(") && tupleFits(avro.getElementType(), unwrap(base, "Array"));
      case OPTIONAL_STRING -> false;
    };
  }

  /** A named Tuple with the record's fields, in order, each of a fitting type. */
  private static boolean tupleFits(Schema record, String type) {
    if (!type.startsWith("Tuple(")) {
      return false;
    }
    List<String> elements = split(unwrap(type, "Tuple"));
    List<Schema.Field> fields = record.getFields();
    if (elements.size() != fields.size()) {
      return false;
    }
    for (int i = 0; i < fields.size(); i++) {
      String[] nameAndType = elements.get(i).split("\\s+", 2);
      if (!nameAndType[0].equals(fields.get(i).name())
          || !clickHouseFits(fields.get(i).schema(), nameAndType[1], false)) {
        return false;
      }
    }
    return true;
  }

  private static String unwrap(String type, String wrapper) {
    String t = type.strip();
    return t.startsWith(wrapper + "(") && t.endsWith(")")
        ? t.substring(wrapper.length() + 1, t.length() - 1).strip()
        : t;
  }

  private static String outputName(String item) {
    Matcher alias = Pattern.compile("(?is).*\\s+AS\\s+(\\S+)$").matcher(item.strip());
    return unquote(alias.matches() ? alias.group(1) : item.strip());
  }

  // ---------------------------------------------------------------- Druid

  private static Output checkDruid(String text) {
    JsonNode supervisor = json(text);
    assertThat(supervisor.path("type").asText()).isEqualTo("kafka");
    JsonNode io = supervisor.path("spec").path("ioConfig");
    Output out = output(io.path("topic").asText());
    assertThat(out.updates()).as("Druid appends: it must read the final topic").isFalse();
    assertThat(io.path("consumerProperties").path("isolation.level").asText(READ_COMMITTED))
        .isEqualTo(READ_COMMITTED);
    JsonNode format = io.path("inputFormat");
    assertThat(format.path("type").asText()).isEqualTo("avro_stream");
    assertThat(format.path("avroBytesDecoder").path("type").asText()).isEqualTo("schema_registry");
    String url = registry(format.path("avroBytesDecoder").path("url").asText());
    JsonNode schema = supervisor.path("spec").path("dataSchema");
    assertThat(kind(schema.path("timestampSpec").path("column").asText()))
        .isEqualTo(Kind.TIMESTAMP);
    assertThat(schema.path("timestampSpec").path("format").asText()).isEqualTo("millis");
    assertThat(schema.path("granularitySpec").path("rollup").asBoolean(true))
        .as("no rollup: unique_authors must not be summed at ingestion")
        .isFalse();
    List<String> dimensions = new ArrayList<>();
    for (JsonNode dimension : schema.path("dimensionsSpec").path("dimensions")) {
      String name = dimension.isTextual() ? dimension.asText() : dimension.path("name").asText();
      String type = dimension.isTextual() ? "string" : dimension.path("type").asText("string");
      Set<Kind> fits =
          switch (type) {
            case "string" -> Set.of(Kind.STRING, Kind.OPTIONAL_STRING);
            case "long" -> Set.of(Kind.LONG);
            case "double" -> Set.of(Kind.DOUBLE);
            default -> Set.of();
          };
      assertThat(fits).as("Druid %s dimension %s", type, name).contains(kind(name));
      dimensions.add(name);
    }
    assertDimensions(dimensions, out.view(), "Druid dimensions");
    JsonNode metrics = schema.path("metricsSpec");
    assertThat(metrics).isNotEmpty();
    for (JsonNode metric : metrics) {
      String type = metric.path("type").asText();
      String field = metric.path("fieldName").asText();
      Kind expected = type.startsWith("double") ? Kind.DOUBLE : Kind.LONG;
      assertThat(type).as("metric on %s", field).matches("(long|double)(Sum|Min|Max|Last|First)");
      assertThat(kind(field)).as("Druid %s on %s", type, field).isEqualTo(expected);
      assertThat(dimensions).doesNotContain(metric.path("name").asText());
    }
    return out.withRegistry(url);
  }

  // ---------------------------------------------------------------- Pinot

  private static Output checkPinot(String schemaText, String tableText) {
    JsonNode schema = json(schemaText);
    JsonNode table = json(tableText);
    List<String> dimensions = new ArrayList<>();
    for (JsonNode spec : schema.path("dimensionFieldSpecs")) {
      assertThat(pinotFits(kind(spec.path("name").asText()), spec.path("dataType").asText()))
          .as("Pinot dimension %s", spec)
          .isTrue();
      dimensions.add(spec.path("name").asText());
    }
    for (JsonNode spec : schema.path("metricFieldSpecs")) {
      Kind kind = kind(spec.path("name").asText());
      assertThat(kind).as("Pinot metric %s", spec).isIn(Kind.LONG, Kind.DOUBLE);
      assertThat(pinotFits(kind, spec.path("dataType").asText())).as("Pinot %s", spec).isTrue();
    }
    List<String> times = new ArrayList<>();
    for (JsonNode spec : schema.path("dateTimeFieldSpecs")) {
      assertThat(kind(spec.path("name").asText())).isEqualTo(Kind.TIMESTAMP);
      assertThat(spec.path("dataType").asText()).isEqualTo("LONG");
      assertThat(spec.path("format").asText()).isEqualTo("1:MILLISECONDS:EPOCH");
      times.add(spec.path("name").asText());
    }
    assertDimensions(dimensions, output(pinotTopic(table)).view(), "Pinot dimensions");

    assertThat(table.path("tableType").asText()).isEqualTo("REALTIME");
    assertThat(table.has("upsertConfig")).as("an append table").isFalse();
    JsonNode segments = table.path("segmentsConfig");
    assertThat(segments.path("schemaName").asText()).isEqualTo(schema.path("schemaName").asText());
    assertThat(times).contains(segments.path("timeColumnName").asText());
    JsonNode stream = pinotStream(table);
    Output out = output(pinotTopic(table));
    assertThat(out.updates()).as("Pinot appends: it must read the final topic").isFalse();
    assertThat(stream.path("stream.kafka.isolation.level").asText()).isEqualTo(READ_COMMITTED);
    assertThat(stream.path("stream.kafka.decoder.class.name").asText())
        .isEqualTo(
            "org.apache.pinot.plugin.inputformat.avro.confluent."
                + "KafkaConfluentSchemaRegistryAvroMessageDecoder");
    String url =
        registry(stream.path("stream.kafka.decoder.prop.schema.registry.rest.url").asText());
    for (JsonNode spec : schema.path("dateTimeFieldSpecs")) {
      assertThat(pinotGranularity(spec.path("granularity").asText()))
          .as("the granularity of %s", spec.path("name").asText())
          .isEqualTo(out.size().duration());
    }
    return out.withRegistry(url);
  }

  private static JsonNode pinotStream(JsonNode table) {
    JsonNode maps = table.path("ingestionConfig").path("streamIngestionConfig");
    JsonNode stream =
        maps.path("streamConfigMaps").isArray() && maps.path("streamConfigMaps").size() == 1
            ? maps.path("streamConfigMaps").get(0)
            : table.path("tableIndexConfig").path("streamConfigs");
    assertThat(stream.path("streamType").asText()).isEqualTo("kafka");
    return stream;
  }

  private static String pinotTopic(JsonNode table) {
    return pinotStream(table).path("stream.kafka.topic.name").asText();
  }

  private static boolean pinotFits(Kind kind, String dataType) {
    return switch (kind) {
      case STRING, OPTIONAL_STRING -> dataType.equals("STRING");
      case LONG, TIMESTAMP -> dataType.equals("LONG");
      case DOUBLE -> dataType.equals("DOUBLE");
      case BOOLEAN -> dataType.equals("BOOLEAN");
      case ARRAY -> false;
    };
  }

  private static Duration pinotGranularity(String granularity) {
    String[] sizeAndUnit = granularity.split(":");
    ChronoUnit unit = ChronoUnit.valueOf(sizeAndUnit[1]);
    return unit.getDuration().multipliedBy(Long.parseLong(sizeAndUnit[0]));
  }

  // ---------------------------------------------------------------- the README's view table

  private static final Pattern VIEW_ROW =
      Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\|$");

  private static void checkViewTable(String readme) {
    Map<String, List<String>> listed = new LinkedHashMap<>();
    Matcher row = VIEW_ROW.matcher(readme);
    while (row.find()) {
      listed.put(row.group(1), list(row.group(2).replace("`", "")));
    }
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (View view : View.values()) {
      expected.put(view.id(), dimensions(view));
    }
    assertThat(listed).as("the views and their dimensions in bi/README.md").isEqualTo(expected);
  }

  // ---------------------------------------------------------------- parsing

  record Column(String name, String type, boolean notNull) {}

  record Table(String name, List<Column> columns, List<String> primaryKey, String tail) {}

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?is)^CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)\\s*\\(");

  /** The SQL statements of a file, without comments. */
  private static List<String> statements(String sql) {
    String code =
        sql.lines()
            .map(line -> line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
            .collect(Collectors.joining("\n"));
    return Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A CREATE TABLE statement's columns, primary key and what follows them; null for others. */
  private static Table table(String statement) {
    Matcher create = CREATE_TABLE.matcher(statement);
    if (!create.find()) {
      return null;
    }
    int open = create.end() - 1;
    int close = closing(statement, open);
    List<Column> columns = new ArrayList<>();
    List<String> primaryKey = List.of();
    for (String item : split(statement.substring(open + 1, close))) {
      if (item.toUpperCase(Locale.ROOT).startsWith("PRIMARY KEY")) {
        primaryKey = list(unwrap(item.substring("PRIMARY KEY".length()).strip(), ""));
        continue;
      }
      String[] nameAndRest = item.split("\\s+", 2);
      String rest = nameAndRest[1];
      boolean notNull = rest.toUpperCase(Locale.ROOT).contains("NOT NULL");
      String type = rest.replaceAll("(?i)\\s+NOT\\s+NULL", "").replaceAll("\\s+", " ").strip();
      columns.add(new Column(unquote(nameAndRest[0]), type, notNull));
    }
    return new Table(create.group(1), columns, primaryKey, statement.substring(close + 1));
  }

  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      if (text.charAt(i) == '(') {
        depth++;
      } else if (text.charAt(i) == ')' && --depth == 0) {
        return i;
      }
    }
    throw new AssertionError("unbalanced parentheses in " + text);
  }

  /** Splits at commas outside parentheses. */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(from, i).strip());
        from = i + 1;
      }
    }
    parts.add(text.substring(from).strip());
    return parts.stream().filter(p -> !p.isEmpty()).toList();
  }

  private static List<String> list(String commaSeparated) {
    return split(commaSeparated).stream().map(BiRecipesTest::unquote).toList();
  }

  private static String unquote(String identifier) {
    return identifier.strip().replaceAll("^[`\"]|[`\"]$", "");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + e.getMessage(), e);
    }
  }

  private static String read(String file) {
    return readText(BI.resolve(file));
  }

  private static String readText(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
