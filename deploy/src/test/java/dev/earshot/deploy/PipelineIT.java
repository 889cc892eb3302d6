package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.ingest.JsonlReplay;
import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.Stage;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.View;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real Kafka broker and a real schema registry, on a stack of its own:
 * known posts go in through ingest, and the query API must report exactly the counts the labels
 * imply - no post dropped, none counted twice (the file holds a re-delivered duplicate), the
 * invalid lines in the dead-letter topic - and must still report them after the stack restarts. The
 * other checks that once shared this class stand on their own (IngestRefusalIT,
 * RegistryEvolutionIT, TaxonomyPublishIT, TopicSetupIT).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {
  private static final int VALID_POSTS = 28;
  private static final int INVALID_LINES = 3;
  private static final String RANGE = "?from=2026-11-16&to=2026-11-21";
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalStack.Settings settings;
  private LocalStack stack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void startStack(@TempDir Path dataDir) {
    settings = LocalStack.Settings.onFreePorts(dataDir, ApicurioDistribution.locate());
    stack = LocalStack.start(settings);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void countsEveryValidPostExactlyOnceAndKeepsTheCountsAcrossARestart() throws Exception {
    countsEveryValidPostExactlyOnce();
    keepsCountsAndSchemaIdsAcrossARestart();
  }

  private void countsEveryValidPostExactlyOnce() throws Exception {
    JsonlReplay.Summary summary;
    try (InputStream in = PipelineIT.class.getResourceAsStream(ItPosts.RESOURCE)) {
      summary = stack.replay(in, "posts.jsonl");
    }
    assertThat(summary.rejected()).isEqualTo(INVALID_LINES);
    assertThat(summary.published()).isEqualTo(VALID_POSTS + 1); // one line is a re-delivery

    Map<String, long[]> expected = ItPosts.expectedCells();
    // Facts of the test file, independent of the enricher's code:
    assertThat(expected.get("audience-topic|newlyweds|card-consolidation")[0]).isEqualTo(10);
    assertThat(expected.get("audience-topic|entrepreneurs|project-financing")[0]).isEqualTo(6);
    assertThat(expected.get("audience-topic|new-job|credit-limit")[0]).isEqualTo(5);

    new ConsumerProgress(stack.bootstrapServers()).awaitDrained(PROCESSING_TIMEOUT);
    await()
        .atMost(PROCESSING_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(actualCells()).isEqualTo(ItPosts.asText(expected)));

    // Every stage: posts.enriched holds each valid post once (the duplicate was dropped).
    assertThat(enrichedKeys()).hasSize(VALID_POSTS).doesNotHaveDuplicates();
    // The posts are from 2026-11-16, older than the topics' 7-day retention: their records carry
    // the time Kafka received them, so the broker's retention check does not delete them unread.
    for (String topic : List.of(Topics.POSTS_RAW, Topics.POSTS_ENRICHED, Topics.INGEST_DLQ)) {
      assertThat(readAll(topic))
          .as(topic)
          .isNotEmpty()
          .allMatch(r -> r.timestampType() == TimestampType.LOG_APPEND_TIME)
          .allMatch(r -> r.timestamp() > System.currentTimeMillis() - 3_600_000L);
    }

    JsonNode cell =
        get(
            "/api/v1/views/audience-topic/cells/newlyweds/card-consolidation"
                + RANGE
                + "&interval=1h");
    JsonNode totals = cell.path("result").path("totals");
    assertThat(totals.path("posts").asLong()).isEqualTo(10);
    long[] nw = expected.get("audience-topic|newlyweds|card-consolidation");
    assertThat(totals.path("positive").asLong()).isEqualTo(nw[1]);
    assertThat(totals.path("neutral").asLong()).isEqualTo(nw[2]);
    assertThat(totals.path("negative").asLong()).isEqualTo(nw[3]);
    // The posts span two hourly windows on 2026-11-16.
    assertThat(cell.path("result").path("windows")).hasSize(2);

    // Nothing was late (the grace covers the file's span) and nothing failed downstream.
    assertThat(readAll(Topics.AGGREGATE_DLQ)).isEmpty();
    assertThat(readAll(Topics.ENRICH_DLQ)).isEmpty();

    List<ConsumerRecord<byte[], byte[]>> rejected = readAll(Topics.INGEST_DLQ);
    assertThat(rejected).hasSize(INVALID_LINES);
    List<DeadLetter> letters = rejected.stream().map(DeadLetter::from).toList();
    assertThat(letters)
        .extracting(DeadLetter::field)
        .containsExactlyInAnyOrder("text", "created_at", "$");
    assertThat(letters).allSatisfy(d -> assertThat(d.stage()).isEqualTo(Stage.INGEST));
    assertThat(letters).allSatisfy(d -> assertThat(d.reason()).isEqualTo(d.field()));
    assertThat(letters).allSatisfy(d -> assertThat(d.message()).isNotBlank());
    assertThat(letters)
        .extracting(DeadLetter::origin)
        .allMatch(origin -> origin.startsWith("file:posts.jsonl:"));
  }

  private void keepsCountsAndSchemaIdsAcrossARestart() throws Exception {
    // Everything posted so far is counted and committed before the snapshot.
    new ConsumerProgress(stack.bootstrapServers()).awaitDrained(PROCESSING_TIMEOUT);
    Map<String, String> before = actualCells();
    int rawSchemaId = schemaId("posts.raw-value");
    stack.close();
    stack = LocalStack.start(settings);

    assertThat(actualCells()).isEqualTo(before);
    assertThat(schemaId("posts.raw-value")).isEqualTo(rawSchemaId);

    // The restarted pipeline still counts new posts, and still drops re-deliveries.
    String newPost =
        "{\"id\":\"it-900\",\"platform\":\"twitter\",\"text\":\"Just married, balance transfer"
            + " done with Acme\",\"created_at\":\"2026-11-16T09:30:00Z\"}";
    assertThat(post(stack.ingestUrl() + "/api/v1/posts", newPost).statusCode()).isEqualTo(202);
    assertThat(post(stack.ingestUrl() + "/api/v1/posts", newPost).statusCode()).isEqualTo(202);
    await()
        .atMost(PROCESSING_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        get("/api/v1/views/audience-topic/cells/newlyweds/card-consolidation"
                                + RANGE)
                            .path("result")
                            .path("totals")
                            .path("posts")
                            .asLong())
                    .isEqualTo(11));
    new ConsumerProgress(stack.bootstrapServers()).awaitDrained(PROCESSING_TIMEOUT);
    assertThat(enrichedKeys()).doesNotHaveDuplicates().contains("twitter:it-900");
  }

  /** Every cell of every view, as the API answers them. */
  private Map<String, String> actualCells() throws Exception {
    Map<String, String> cells = new java.util.TreeMap<>();
    for (View view : View.values()) {
      String path = "/api/v1/views/" + view.id() + "/cells" + RANGE + "&limit=1000";
      cells.putAll(ItPosts.cells(view.id(), get(path).path("result")));
    }
    return cells;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.aggregateUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double metric(String baseUrl, String name) throws Exception {
    String text =
        http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private int schemaId(String subject) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(stack.registryUrl() + "/subjects/" + subject + "/versions/latest"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("id").asInt();
  }

  private List<String> enrichedKeys() {
    List<String> keys = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : readAll(Topics.POSTS_ENRICHED)) {
      keys.add(new String(r.key(), StandardCharsets.UTF_8));
    }
    return keys;
  }

  /** Every committed record of the topic, read from the start. */
  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    return StackProbe.readCommitted(stack.bootstrapServers(), topic);
  }
}
