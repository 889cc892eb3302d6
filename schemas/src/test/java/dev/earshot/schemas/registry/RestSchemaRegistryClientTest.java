package dev.earshot.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.avro.Author;
import dev.earshot.avro.RawPost;
import dev.earshot.schemas.registry.StubRegistry.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestSchemaRegistryClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Schema RAW_POST = RawPost.getClassSchema();
  private static final String SUBJECT = "posts.raw-value";

  private StubRegistry stub;

  @BeforeEach
  void startStub() throws IOException {
    stub = new StubRegistry();
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }

  private static RestSchemaRegistryClient clientAt(String url, String... keyValues) {
    Map<String, Object> props = new HashMap<>();
    props.put(RegistryConfig.URL, url);
    props.put(RegistryConfig.RETRIES, "0");
    props.put(RegistryConfig.RETRY_BACKOFF_MS, "1");
    props.put(RegistryConfig.REQUEST_TIMEOUT_MS, "5000");
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return new RestSchemaRegistryClient(RegistryConfig.fromMap(props));
  }

  private RestSchemaRegistryClient client(String... keyValues) {
    return clientAt(stub.url(""), keyValues);
  }

  private static String schemaAnswer(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static String error(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
  }

  private static JsonNode json(String body) throws IOException {
    return JSON.readTree(body);
  }

  @Test
  void shouldHonourPathInBaseUrl() {
    stub.respond(r -> Reply.ok("{\"id\":7}"));

    clientAt(stub.url("/apis/ccompat/v7")).register(SUBJECT, RAW_POST);

    assertThat(stub.requests())
        .singleElement()
        .extracting(StubRegistry.Request::rawPath)
        .isEqualTo("/apis/ccompat/v7/subjects/posts.raw-value/versions");
  }

  @Test
  void shouldNotDoubleTheSlashWhenBaseUrlEndsWithOne() {
    stub.respond(r -> Reply.ok("{\"id\":7}"));

    clientAt(stub.url("/apis/ccompat/v7/")).register(SUBJECT, RAW_POST);

    assertThat(stub.requests().get(0).rawPath())
        .isEqualTo("/apis/ccompat/v7/subjects/posts.raw-value/versions");
  }

  @Test
  void shouldPostAvroSchemaWithRegistryContentTypeAndReturnIdOnRegister() throws IOException {
    stub.respond(r -> Reply.ok("{\"id\":42}"));

    int id = client().register(SUBJECT, RAW_POST);

    assertThat(id).isEqualTo(42);
    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/subjects/posts.raw-value/versions");
    assertThat(request.contentType()).isEqualTo(CONTENT_TYPE);
    JsonNode body = json(request.body());
    assertThat(body.path("schemaType").asText()).isEqualTo("AVRO");
    assertThat(new Schema.Parser().parse(body.path("schema").asText())).isEqualTo(RAW_POST);
  }

  @Test
  void shouldServeSecondRegisterOfSameSchemaFromCache() {
    stub.respond(r -> Reply.ok("{\"id\":42}"));
    RestSchemaRegistryClient client = client();

    int first = client.register(SUBJECT, RAW_POST);
    int second = client.register(SUBJECT, new Schema.Parser().parse(RAW_POST.toString()));

    assertThat(first).isEqualTo(42);
    assertThat(second).isEqualTo(42);
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void shouldRegisterSameSchemaAgainUnderAnotherSubject() {
    stub.respond(r -> Reply.ok("{\"id\":42}"));
    RestSchemaRegistryClient client = client();

    client.register(SUBJECT, RAW_POST);
    client.register("posts.raw-copy-value", RAW_POST);

    assertThat(stub.requests())
        .extracting(StubRegistry.Request::rawPath)
        .containsExactly(
            "/subjects/posts.raw-value/versions", "/subjects/posts.raw-copy-value/versions");
  }

  @Test
  void shouldFetchSchemaByIdOnceAndServeItFromCacheAfterwards() {
    stub.respond(r -> Reply.ok(schemaAnswer(RAW_POST)));
    RestSchemaRegistryClient client = client();

    Schema first = client.getById(5);
    Schema second = client.getById(5);

    assertThat(first).isEqualTo(RAW_POST);
    assertThat(second).isEqualTo(RAW_POST);
    assertThat(stub.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.rawPath()).isEqualTo("/schemas/ids/5");
            });
  }

  @Test
  void shouldFetchEachIdSeparately() {
    stub.respond(
        r ->
            Reply.ok(
                schemaAnswer(r.rawPath().endsWith("/1") ? RAW_POST : Author.getClassSchema())));
    RestSchemaRegistryClient client = client();

    assertThat(client.getById(1)).isEqualTo(RAW_POST);
    assertThat(client.getById(2)).isEqualTo(Author.getClassSchema());
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void shouldNotFetchSchemaItHasJustRegistered() {
    stub.respond(r -> Reply.ok("{\"id\":9}"));
    RestSchemaRegistryClient client = client();

    client.register(SUBJECT, RAW_POST);

    assertThat(client.getById(9)).isEqualTo(RAW_POST);
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void shouldUrlEncodeSubjectNamesWithSpecialCharacters() {
    String subject = "my topic/ü?#&-value";
    String encoded = "my%20topic%2F%C3%BC%3F%23%26-value";
    stub.respond(
        r ->
            r.rawPath().endsWith("/versions")
                ? Reply.ok("{\"id\":1}")
                : new Reply(404, error(40401, "Subject not found")));
    RestSchemaRegistryClient client = client();

    client.register(subject, RAW_POST);
    client.lookup(subject, Author.getClassSchema());
    client.latest(subject);

    assertThat(stub.requests())
        .extracting(StubRegistry.Request::rawPath)
        .containsExactly(
            "/subjects/" + encoded + "/versions",
            "/subjects/" + encoded,
            "/subjects/" + encoded + "/versions/latest");
  }

  @ParameterizedTest(name = "error_code {0}")
  @ValueSource(ints = {409, 40901}) // Apicurio's ccompat API, Confluent
  void shouldRaiseIncompatibleSchemaExceptionOnHttp409(int errorCode) {
    stub.respond(r -> new Reply(409, error(errorCode, "Schema being registered is incompatible")));
    RestSchemaRegistryClient client = client();

    assertThatThrownBy(() -> client.register(SUBJECT, RAW_POST))
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(errorCode);
            })
        .hasMessageContaining("Schema being registered is incompatible");
  }

  @Test
  void shouldNotCacheRefusedRegistration() {
    AtomicInteger calls = new AtomicInteger();
    stub.respond(
        r ->
            calls.incrementAndGet() <= 2 // the registration, then the lookup after the 409
                ? new Reply(409, error(40901, "incompatible"))
                : Reply.ok("{\"id\":3}"));
    RestSchemaRegistryClient client = client();

    assertThatThrownBy(() -> client.register(SUBJECT, RAW_POST))
        .isInstanceOf(IncompatibleSchemaException.class);
    assertThat(client.register(SUBJECT, RAW_POST)).isEqualTo(3);
    assertThat(stub.requests()).hasSize(3);
  }

  @Test
  void shouldTakeTheIdOfASchemaAnotherClientRegisteredAtTheSameMoment() {
    // Apicurio, two instances registering a new subject at once: the loser gets 409 although
    // the schema is registered; the lookup finds it.
    stub.respond(
        r ->
            r.rawPath().endsWith("/versions")
                ? new Reply(409, error(409, "An artifact with ID 'posts.raw-value' already exists"))
                : Reply.ok(
                    JSON.createObjectNode()
                        .put("subject", SUBJECT)
                        .put("id", 11)
                        .put("version", 1)
                        .put("schema", RAW_POST.toString())
                        .toString()));
    RestSchemaRegistryClient client = client();

    assertThat(client.register(SUBJECT, RAW_POST)).isEqualTo(11);
  }

  @Test
  void shouldReturnEmptyWhenLookupAnswers404() {
    stub.respond(r -> new Reply(404, error(40403, "Schema not found")));

    assertThat(client().lookup(SUBJECT, RAW_POST)).isEmpty();
    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/subjects/posts.raw-value");
  }

  @Test
  void shouldReturnRegisteredSchemaWhenLookupFindsIt() {
    stub.respond(
        r ->
            Reply.ok(
                JSON.createObjectNode()
                    .put("subject", SUBJECT)
                    .put("id", 11)
                    .put("version", 3)
                    .put("schema", RAW_POST.toString())
                    .toString()));

    assertThat(client().lookup(SUBJECT, RAW_POST))
        .contains(new SchemaRegistryClient.RegisteredSchema(SUBJECT, 11, 3, RAW_POST));
  }

  @Test
  void shouldTreat404AsAbsentForLatestAndVersions() {
    stub.respond(r -> new Reply(404, error(40401, "Subject not found")));
    RestSchemaRegistryClient client = client();

    assertThat(client.latest(SUBJECT)).isEmpty();
    assertThat(client.versions(SUBJECT)).isEmpty();
  }

  @Test
  void shouldListVersionsOfSubject() {
    stub.respond(r -> Reply.ok("[1,2,4]"));

    assertThat(client().versions(SUBJECT)).containsExactly(1, 2, 4);
    assertThat(stub.requests().get(0).rawPath()).isEqualTo("/subjects/posts.raw-value/versions");
  }

  @Test
  void shouldSendBasicAuthHeaderFromUserInfo() {
    stub.respond(r -> Reply.ok("{\"id\":1}"));

    client(RegistryConfig.USER_INFO, "alice:s3cret").register(SUBJECT, RAW_POST);

    assertThat(stub.requests().get(0).authorization()).isEqualTo(basic("alice:s3cret"));
  }

  @Test
  void shouldSendBasicAuthHeaderFromCredentialsInUrl() {
    stub.respond(r -> Reply.ok("{\"id\":1}"));

    clientAt("http://bob:hunter2@127.0.0.1:" + stub.port() + "/registry")
        .register(SUBJECT, RAW_POST);

    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.authorization()).isEqualTo(basic("bob:hunter2"));
    assertThat(request.rawPath()).isEqualTo("/registry/subjects/posts.raw-value/versions");
  }

  @Test
  void shouldDecodePercentEncodedCredentialsInUrl() {
    stub.respond(r -> Reply.ok("{\"id\":1}"));

    clientAt("http://bob%40corp:p%3Ass@127.0.0.1:" + stub.port()).register(SUBJECT, RAW_POST);

    assertThat(stub.requests().get(0).authorization()).isEqualTo(basic("bob@corp:p:ss"));
  }

  @Test
  void shouldSendNoAuthorizationHeaderWithoutCredentials() {
    stub.respond(r -> Reply.ok("{\"id\":1}"));

    client().register(SUBJECT, RAW_POST);

    assertThat(stub.requests().get(0).authorization()).isNull();
  }

  @Test
  void shouldRetry5xxAndThenRaiseSchemaRegistryUnavailableException() {
    stub.respond(r -> new Reply(503, error(50003, "backend down")));
    RestSchemaRegistryClient client =
        client(RegistryConfig.RETRIES, "2", RegistryConfig.RETRY_BACKOFF_MS, "1");

    assertThatThrownBy(() -> client.register(SUBJECT, RAW_POST))
        .isInstanceOfSatisfying(
            SchemaRegistryUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(stub.requests()).hasSize(3); // the first attempt and two retries
  }

  @Test
  void shouldSucceedWhenRetryAfter5xxIsAnswered() {
    AtomicInteger calls = new AtomicInteger();
    stub.respond(
        r ->
            calls.incrementAndGet() == 1
                ? new Reply(500, error(50001, "hiccup"))
                : Reply.ok("{\"id\":8}"));
    RestSchemaRegistryClient client =
        client(RegistryConfig.RETRIES, "2", RegistryConfig.RETRY_BACKOFF_MS, "1");

    assertThat(client.register(SUBJECT, RAW_POST)).isEqualTo(8);
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void shouldNotRetryClientErrors() {
    stub.respond(r -> new Reply(422, error(42201, "Invalid schema")));
    RestSchemaRegistryClient client =
        client(RegistryConfig.RETRIES, "2", RegistryConfig.RETRY_BACKOFF_MS, "1");

    assertThatThrownBy(() -> client.register(SUBJECT, RAW_POST))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .satisfies(
            e -> {
              SchemaRegistryException refusal = (SchemaRegistryException) e;
              assertThat(refusal.status()).isEqualTo(422);
              assertThat(refusal.errorCode()).isEqualTo(42201);
            })
        .hasMessageContaining("Invalid schema");
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void shouldRaiseSchemaRegistryUnavailableExceptionWhenPortIsClosed() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RestSchemaRegistryClient client =
        clientAt(
            "http://127.0.0.1:" + closedPort,
            RegistryConfig.RETRIES,
            "1",
            RegistryConfig.RETRY_BACKOFF_MS,
            "1");

    assertThatThrownBy(() -> client.register(SUBJECT, RAW_POST))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort);
  }

  @Test
  void shouldGetGlobalCompatibilityFromConfig() {
    stub.respond(r -> Reply.ok("{\"compatibilityLevel\":\"FULL\"}"));

    assertThat(client().compatibility(null)).isEqualTo("FULL");
    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/config");
  }

  @Test
  void shouldGetSubjectCompatibilityFromConfigOfSubject() {
    stub.respond(r -> Reply.ok("{\"compatibilityLevel\":\"FORWARD\"}"));

    assertThat(client().compatibility(SUBJECT)).isEqualTo("FORWARD");
    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/config/posts.raw-value");
    // Confluent answers 404 for a subject without a level of its own unless asked to fall back.
    assertThat(request.rawQuery()).isEqualTo("defaultToGlobal=true");
  }

  @Test
  void shouldAcceptCompatibilityKeyInConfigAnswer() {
    stub.respond(r -> Reply.ok("{\"compatibility\":\"NONE\"}"));

    assertThat(client().compatibility(SUBJECT)).isEqualTo("NONE");
  }

  @Test
  void shouldPutGlobalCompatibilityToConfig() throws IOException {
    stub.respond(r -> Reply.ok("{\"compatibility\":\"FULL_TRANSITIVE\"}"));

    client().setCompatibility(null, "FULL_TRANSITIVE");

    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.rawPath()).isEqualTo("/config");
    assertThat(request.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(json(request.body()).path("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
  }

  @Test
  void shouldPutSubjectCompatibilityToConfigOfSubject() throws IOException {
    stub.respond(r -> Reply.ok("{\"compatibility\":\"BACKWARD\"}"));

    client().setCompatibility(SUBJECT, "BACKWARD");

    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.rawPath()).isEqualTo("/config/posts.raw-value");
    assertThat(json(request.body()).path("compatibility").asText()).isEqualTo("BACKWARD");
  }

  @ParameterizedTest(name = "is_compatible {0}")
  @ValueSource(booleans = {true, false})
  void shouldReadIsCompatibleFromCompatibilityCheck(boolean answer) throws IOException {
    stub.respond(r -> Reply.ok("{\"is_compatible\":" + answer + "}"));

    assertThat(client().isCompatible(SUBJECT, RAW_POST)).isEqualTo(answer);
    StubRegistry.Request request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath())
        .isEqualTo("/compatibility/subjects/posts.raw-value/versions/latest");
    assertThat(new Schema.Parser().parse(json(request.body()).path("schema").asText()))
        .isEqualTo(RAW_POST);
  }

  @Test
  void shouldConsiderAnySchemaCompatibleWhenSubjectHasNoVersions() {
    stub.respond(r -> new Reply(404, error(40401, "Subject not found")));

    assertThat(client().isCompatible(SUBJECT, RAW_POST)).isTrue();
  }

  @Test
  void shouldListSubjects() {
    stub.respond(r -> Reply.ok("[\"posts.raw-value\",\"posts.enriched-value\"]"));

    assertThat(client().subjects()).containsExactly("posts.raw-value", "posts.enriched-value");
    assertThat(stub.requests().get(0).rawPath()).isEqualTo("/subjects");
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }
}
