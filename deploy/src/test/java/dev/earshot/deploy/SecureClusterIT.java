package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.enrich.EnrichService;
import dev.earshot.ingest.IngestService;
import dev.earshot.schemas.Topics;
import dev.earshot.service.ServiceConfig;
import dev.earshot.service.StreamAppRunner;
import dev.earshot.service.TestCertificates;
import dev.earshot.service.TopicSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secured setup end to end: a real broker whose client listener is SASL_SSL with SCRAM-SHA-512
 * and an authorizer (no ACL, no access), each service as its own principal with exactly the ACLs of
 * {@link ServiceAcls}, and ingest and the query API behind bearer tokens. A post sent with the
 * crawler's token is counted and read back with the analyst's. A wrong password, and a principal
 * without ACLs, are refused. (The broker's PLAINTEXT listener stands for the inter-broker one: the
 * test uses it only to create topics, users and ACLs.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureClusterIT {
  private static final String PASSWORD_OF = "-secret-0123";
  private static final String CRAWLER_TOKEN = "crawler-token-0123456789";
  private static final String ANALYST_TOKEN = "analyst-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private int saslPort;
  private KafkaBroker broker;
  private SchemaRegistryProcess registry;
  private IngestService ingest;
  private StreamAppRunner enrich;
  private StreamAppRunner aggregate;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    TestCertificates.make(dir);
    int plainPort = Ports.free();
    int controllerPort = Ports.free();
    saslPort = Ports.free();
    Map<String, String> secure = new HashMap<>();
    secure.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:"
            + plainPort
            + ",SASL_SSL://127.0.0.1:"
            + saslPort
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort);
    secure.put(
        "advertised.listeners",
        "PLAINTEXT://127.0.0.1:" + plainPort + ",SASL_SSL://127.0.0.1:" + saslPort);
    secure.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
    secure.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
    secure.put(
        "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    secure.put("ssl.keystore.location", dir.resolve("server.p12").toString());
    secure.put("ssl.keystore.password", TestCertificates.PASSWORD);
    secure.put("ssl.key.password", TestCertificates.PASSWORD);
    secure.put("ssl.keystore.type", "PKCS12");
    secure.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    secure.put("allow.everyone.if.no.acl.found", "false");
    secure.put("super.users", "User:ANONYMOUS"); // the PLAINTEXT and controller listeners
    broker = KafkaBroker.start(dir.resolve("kafka"), plainPort, controllerPort, secure);

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      TopicSetup.ensure(admin, 1, (short) 1);
      admin
          .alterUserScramCredentials(
              List.of("ingest", "enrich", "aggregate", "nobody").stream()
                  .map(
                      user ->
                          (org.apache.kafka.clients.admin.UserScramCredentialAlteration)
                              new UserScramCredentialUpsertion(
                                  user,
                                  new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                                  user + PASSWORD_OF))
                  .toList())
          .all()
          .get();
      admin.createAcls(ServiceAcls.ingest("ingest")).all().get();
      admin.createAcls(ServiceAcls.enrich("enrich", "earshot-enrich")).all().get();
      admin.createAcls(ServiceAcls.aggregate("aggregate", "earshot-aggregate")).all().get();
    }
    registry =
        SchemaRegistryProcess.start(
            ApicurioDistribution.locate(), dir.resolve("registry"), Ports.free());
    Path tokens = dir.resolve("tokens");
    Files.writeString(
        tokens, "crawler ingest " + CRAWLER_TOKEN + "\nanalyst query " + ANALYST_TOKEN + "\n");

    ingest =
        IngestService.start(
            config("ingest", "ingest", Map.of("http.auth.tokens.file", tokens.toString())));
    enrich = EnrichService.start(config("enrich", "enrich", Map.of()));
    aggregate =
        AggregateService.start(
            config("aggregate", "aggregate", Map.of("http.auth.tokens.file", tokens.toString())));
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> enrich.isRunning() && aggregate.isRunning());
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {aggregate, enrich, ingest, registry, broker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  /** What a service's properties hold on a secured cluster, for one principal. */
  private Map<String, String> kafkaClient(String user, String password) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", "127.0.0.1:" + saslPort);
    props.put("security.protocol", "SASL_SSL");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    props.put("ssl.truststore.location", dir.resolve("trust.p12").toString());
    props.put("ssl.truststore.password", TestCertificates.PASSWORD);
    props.put("ssl.truststore.type", "PKCS12");
    return props;
  }

  private ServiceConfig config(String service, String user, Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>();
    kafkaClient(user, user + PASSWORD_OF).forEach((k, v) -> overrides.put("kafka." + k, v));
    overrides.put("schema.registry.url", registry.url());
    overrides.put("http.port", "0");
    overrides.put("kafka.state.dir", dir.resolve(service + "-state").toString());
    overrides.putAll(extra);
    return ServiceConfig.load(service, null, Map.of(), overrides);
  }

  private KafkaProducer<byte[], byte[]> producer(String user, String password) {
    Properties props = new Properties();
    props.putAll(kafkaClient(user, password));
    props.put("max.block.ms", "10000");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Test
  void aWrongPasswordIsRefused() {
    try (KafkaProducer<byte[], byte[]> producer = producer("ingest", "wrong-password")) {
      assertThatThrownBy(() -> producer.partitionsFor(Topics.POSTS_RAW))
          .isInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void aPrincipalWithoutItsAclsIsRefused() {
    try (KafkaProducer<byte[], byte[]> producer = producer("nobody", "nobody" + PASSWORD_OF)) {
      assertThatThrownBy(() -> producer.partitionsFor(Topics.POSTS_RAW))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void aPostSentWithTheCrawlersTokenIsCountedAndReadWithTheAnalysts() throws Exception {
    String created = Instant.now().minusSeconds(60).toString();
    String body =
        "{\"id\":\"secure-1\",\"platform\":\"forum\",\"created_at\":\""
            + created
            + "\","
            + "\"text\":\"Just married, moving both cards to one with a balance transfer\"}";
    assertThat(postWith(null, body).statusCode()).isEqualTo(401);
    assertThat(postWith(ANALYST_TOKEN, body).statusCode()).isEqualTo(403);
    HttpResponse<String> accepted = postWith(CRAWLER_TOKEN, body);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    String query =
        aggregate.baseUrl()
            + "/api/v1/views/audience-topic/cells/newlyweds/card-consolidation?from="
            + created.substring(0, 10)
            + "&to="
            + Instant.now().plus(Duration.ofDays(1)).toString().substring(0, 10);
    assertThat(get(query, null).statusCode()).isEqualTo(401);
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              HttpResponse<String> r = get(query, ANALYST_TOKEN);
              assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
              JsonNode totals = JSON.readTree(r.body()).get("result").get("totals");
              assertThat(totals.get("posts").asLong()).isEqualTo(1);
            });
  }

  private HttpResponse<String> postWith(String token, String body) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/api/v1/posts"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }
}
