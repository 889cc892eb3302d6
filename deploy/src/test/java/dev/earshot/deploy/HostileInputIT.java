package dev.earshot.deploy;

import static dev.earshot.deploy.StackProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.avro.RawPost;
import dev.earshot.ingest.IngestService;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.service.ServiceConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or careless client sends, against the real stack: each input gets a clear answer
 * and a dead letter, and the stage goes on taking good posts afterwards. Each test makes its own
 * posts (unique ids) and looks only at them, so the tests do not depend on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final AtomicInteger IDS = new AtomicInteger();

  private LocalStack stack;
  private StackProbe probe;

  @BeforeAll
  void startStack(@TempDir Path dataDir) {
    stack =
        LocalStack.start(LocalStack.Settings.onFreePorts(dataDir, ApicurioDistribution.locate()));
    probe = new StackProbe(stack.bootstrapServers());
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private static String newId() {
    return "hostile-" + IDS.incrementAndGet() + "-" + System.nanoTime();
  }

  private static ObjectNode post(String id) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id);
    node.put("platform", "forum");
    node.put("text", "Just married, merging our Acme cards");
    node.put("created_at", Instant.now().minusSeconds(60).toString());
    return node;
  }

  private HttpResponse<String> postBytes(byte[] body) throws Exception {
    return probe.post(
        stack.ingestUrl() + "/api/v1/posts", HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private void assertAGoodPostIsStillTaken() throws Exception {
    HttpResponse<String> r = postBytes(post(newId()).toString().getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  /**
   * The first dead letter on {@code topic} that matches, once there is one; read through {@link
   * DeadLetter#from}, which fails on any record without earshot's headers.
   */
  private DeadLetter deadLetter(String topic, Predicate<DeadLetter> matches) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> probe.readAll(topic).stream().map(DeadLetter::from).filter(matches).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void aHugeInvalidCreatedAtIs400AndDeadLetteredAndIngestGoesOn() throws Exception {
    String marker = "y".repeat(40) + newId();
    ObjectNode bad = post(newId());
    bad.put("created_at", marker + "x".repeat(600_000));

    HttpResponse<String> r = postBytes(bad.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).hasSizeLessThan(1_000);
    assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("created_at");
    DeadLetter dead =
        deadLetter(Topics.INGEST_DLQ, d -> d.message().contains(marker.substring(0, 60)));
    assertThat(dead.value()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES);
    assertThat(dead.originalBytes()).isGreaterThan(600_000);
    assertThat(dead.stage()).isEqualTo(Stage.INGEST);
    assertThat(dead.reason()).isEqualTo("created_at");
    assertThat(dead.field()).isEqualTo("created_at");
    assertThat(dead.origin()).isEqualTo("http");
    assertAGoodPostIsStillTaken();
  }

  @Test
  void aBodyThatIsNotUtf8Is400AndDeadLetteredAsReceived() throws Exception {
    byte[] garbage = new byte[990_000];
    Arrays.fill(garbage, (byte) 0xFF);
    String id = newId();
    byte[] body =
        concat(("{\"id\":\"" + id + "\",\"text\":\"").getBytes(StandardCharsets.UTF_8), garbage);

    HttpResponse<String> r = postBytes(body);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("$");
    DeadLetter dead =
        deadLetter(
            Topics.INGEST_DLQ,
            d -> new String(d.value(), StandardCharsets.ISO_8859_1).contains(id));
    // The bytes as received (cut to the dead-letter limit), not re-encoded three times larger.
    assertThat(Arrays.copyOfRange(dead.value(), body.length - garbage.length, dead.value().length))
        .containsOnly((byte) 0xFF);
    assertThat(dead.originalBytes()).isEqualTo(body.length);
    assertThat(dead.reason()).isEqualTo("$");
    assertAGoodPostIsStillTaken();
  }

  @Test
  void aChunkedBodyOver1MbIs413AsJsonAfterReadingAtMost1Mb() throws Exception {
    String marker = newId();
    String response =
        rawRequest(
            "Transfer-Encoding: chunked",
            out -> {
              byte[] start =
                  ("{\"id\":\"" + marker + "\",\"text\":\"").getBytes(StandardCharsets.UTF_8);
              writeChunk(out, start);
              byte[] chunk = new byte[64 * 1024];
              Arrays.fill(chunk, (byte) 'a');
              for (int i = 0; i < 20 * 16; i++) { // 20 MB
                writeChunk(out, chunk);
              }
              out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            });

    assertThat(response).startsWith("HTTP/1.1 413");
    JsonNode error = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4).trim());
    assertThat(error.get("field").asText()).isEqualTo("$");
    DeadLetter dead =
        deadLetter(
            Topics.INGEST_DLQ, d -> new String(d.value(), StandardCharsets.UTF_8).contains(marker));
    assertThat(dead.originalBytes()).isEqualTo(IngestService.MAX_BODY_BYTES + 1L);
    assertAGoodPostIsStillTaken();
  }

  @Test
  void aDeclaredLengthOver1MbIs413WithoutReadingTheBody() throws Exception {
    String response =
        rawRequest(
            "Content-Length: 2000000",
            out -> out.write("{\"id\":\"big\"".getBytes(StandardCharsets.UTF_8)));

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("\"field\":\"$\"");
    assertAGoodPostIsStillTaken();
  }

  @Test
  void postsDatedBefore1970Are400NotAcceptedAndLost() throws Exception {
    for (String createdAt : List.of("1969-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
      ObjectNode old = post(newId());
      old.put("created_at", createdAt);

      HttpResponse<String> r = postBytes(old.toString().getBytes(StandardCharsets.UTF_8));

      assertThat(r.statusCode()).as(createdAt).isEqualTo(400);
      assertThat(r.headers().firstValue("Retry-After")).isEmpty();
      assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("created_at");
    }
  }

  @Test
  void poisonOnPostsRawIsDeadLetteredWithItsOriginAndLaterPostsAreCounted() throws Exception {
    var serializer =
        new PipelineTopics(
                new RestSchemaRegistryClient(RegistryConfig.of(stack.registryUrl())),
                SerdeConfig.DEFAULT)
            .rawPosts()
            .valueSerde()
            .serializer();
    String tag = newId();
    RawPost good =
        RawPost.newBuilder()
            .setId(tag)
            .setPlatform("forum")
            .setText("Love my Acme card")
            .setCreatedAt(Instant.now().minusSeconds(30))
            .setIngestedAt(Instant.now())
            .setOrigin("test")
            .build();
    byte[] valid = serializer.serialize(Topics.POSTS_RAW, good);
    byte[] header = Arrays.copyOf(valid, 5);
    byte[] hugeString =
        concat(header, new byte[] {(byte) 0xEE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 'x'});
    byte[] ancient =
        serializer.serialize(
            Topics.POSTS_RAW,
            RawPost.newBuilder(good).setCreatedAt(Instant.parse("1969-01-01T00:00:00Z")).build());
    Map<String, byte[]> poison = new HashMap<>();
    poison.put("huge-string", hugeString);
    poison.put("trailing-bytes", concat(valid, new byte[] {0}));
    poison.put("ancient", ancient);
    // Two hours ahead: written to enrich's changelog with that time, the broker would refuse it
    // (log.message.timestamp.after.max.ms) and the stream thread would die, at every restart.
    poison.put(
        "future",
        serializer.serialize(
            Topics.POSTS_RAW,
            RawPost.newBuilder(good).setCreatedAt(Instant.now().plusSeconds(7_200)).build()));
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (var e : poison.entrySet()) {
        producer
            .send(new ProducerRecord<>(Topics.POSTS_RAW, bytes("forum:" + tag), e.getValue()))
            .get();
      }
      producer.send(new ProducerRecord<>(Topics.POSTS_RAW, null, valid)).get(); // no key
      producer.send(new ProducerRecord<>(Topics.POSTS_RAW, bytes("copy/" + tag), valid)).get();
      producer.send(new ProducerRecord<>(Topics.POSTS_RAW, bytes("forum:" + tag), valid)).get();
    }

    // The good post gets through, once, after all of them.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(probe.readAll(Topics.POSTS_ENRICHED))
                    .filteredOn(r -> r.key() != null && new String(r.key()).equals("forum:" + tag))
                    .hasSize(1));
    List<DeadLetter> dead =
        probe.readAll(Topics.ENRICH_DLQ).stream()
            .filter(
                r ->
                    r.key() == null
                        ? Arrays.equals(r.value(), valid)
                        : new String(r.key()).contains(tag))
            .map(DeadLetter::from)
            .toList();
    assertThat(dead).hasSize(6);
    for (DeadLetter d : dead) {
      assertThat(d.stage()).isEqualTo(Stage.ENRICH);
      assertThat(d.topic()).isEqualTo(Topics.POSTS_RAW);
      assertThat(d.offset()).isNotNull();
      assertThat(d.origin()).isEqualTo(Topics.POSTS_RAW + "-" + d.partition() + "@" + d.offset());
      assertThat(d.message()).isNotBlank();
    }
    // Unreadable ones under deserialization, readable ones breaking the contract under invalid.
    assertThat(dead)
        .extracting(DeadLetter::reason)
        .containsOnly("deserialization", "invalid")
        .contains("deserialization", "invalid");
    assertThat(probe.get(stack.enrichUrl() + "/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void poisonOnPostsEnrichedIsDeadLetteredAndAggregateStaysUp() throws Exception {
    String key = "forum:" + newId();
    byte[] hugeString = {
      0, 0, 0, 0, 1, (byte) 0xEE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 'x'
    };
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.POSTS_ENRICHED, bytes(key), hugeString)).get();
    }

    DeadLetter dead =
        deadLetter(Topics.AGGREGATE_DLQ, d -> d.key() != null && new String(d.key()).equals(key));
    assertThat(dead.stage()).isEqualTo(Stage.AGGREGATE);
    assertThat(dead.reason()).isEqualTo("deserialization");
    assertThat(dead.topic()).isEqualTo(Topics.POSTS_ENRICHED);
    assertThat(dead.value()).isEqualTo(hugeString);
    assertThat(probe.get(stack.aggregateUrl() + "/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void aKilledRegistryIsRestartedByTheStack() throws Exception {
    Process registry = stack.registry().process();
    registry.destroyForcibly();
    registry.waitFor();

    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(probe.get(stack.registryUrl() + "/subjects").statusCode())
                    .isEqualTo(200));
    assertThat(stack.registry().process().pid()).isNotEqualTo(registry.pid());
    // Ingest noticed the outage on its own (readiness); it takes posts again once it sees the
    // registry back, within its check interval.
    await().atMost(TIMEOUT).untilAsserted(this::assertAGoodPostIsStillTaken);
  }

  @Test
  void ingestIsNotReadyAndAnswers503AtOnceWhileTheRegistryOrKafkaIsUnreachable() throws Exception {
    String closed = "127.0.0.1:" + Ports.free();
    for (Map<String, String> broken :
        List.of(
            Map.of("schema.registry.url", "http://" + closed),
            Map.of("kafka.bootstrap.servers", closed))) {
      Map<String, String> overrides = new HashMap<>();
      overrides.put("kafka.bootstrap.servers", stack.bootstrapServers());
      overrides.put("schema.registry.url", stack.registryUrl());
      overrides.put("http.port", "0");
      overrides.putAll(broken);
      try (IngestService ingest =
          IngestService.start(ServiceConfig.load("ingest", null, Map.of(), overrides))) {
        HttpResponse<String> ready = probe.get(ingest.baseUrl() + "/ready");
        assertThat(ready.statusCode()).as(broken.toString()).isEqualTo(503);
        assertThat(ready.body()).contains("does not answer");

        long started = System.nanoTime();
        HttpResponse<String> r =
            probe.post(
                ingest.baseUrl() + "/api/v1/posts",
                HttpRequest.BodyPublishers.ofString(post(newId()).toString()));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        // Refused at once rather than after every retry of the dependency (once: 67 s).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      }
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /** One HTTP/1.1 request on a plain socket, so the test controls exactly what is sent. */
  private String rawRequest(String framing, BodyWriter body) throws Exception {
    URI uri = URI.create(stack.ingestUrl());
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      Thread writer =
          new Thread(
              () -> {
                try {
                  out.write(
                      ("POST /api/v1/posts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              + "Content-Type: application/json\r\n"
                              + framing
                              + "\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  body.write(out);
                  out.flush();
                } catch (IOException closedByServer) {
                  // the server answered and closed before the whole body was sent: expected
                }
              });
      writer.start();
      String response = readResponse(socket.getInputStream());
      writer.join(30_000);
      return response;
    }
  }

  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      bytes.write(buffer, 0, n);
      String text = bytes.toString(StandardCharsets.UTF_8);
      int headersEnd = text.indexOf("\r\n\r\n");
      if (headersEnd > 0) {
        int length = contentLength(text.substring(0, headersEnd));
        if (length >= 0 && bytes.size() >= headersEnd + 4 + length) {
          return text;
        }
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return -1;
  }

  private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(chunk);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
