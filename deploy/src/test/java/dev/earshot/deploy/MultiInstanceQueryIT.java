package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.aggregate.app.AggregateService;
import dev.earshot.schemas.views.View;
import dev.earshot.service.StreamAppRunner;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the aggregate app share the partitions. Each answers every query in full: a key
 * it does not own is asked of its owner, and "all cells" merges both instances' local answers.
 * Local answers alone are each partial, which proves the routing did the work.
 */
class MultiInstanceQueryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RANGE = "from=2026-11-16&to=2026-11-21";
  private static final String PEER_TOKEN = "peer-token-0123456789";
  private static final String ANALYST_TOKEN = "analyst-token-0123456789";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswerEveryQueryInFullFromEitherInstance(@TempDir Path dir) throws Exception {
    LocalStack.Settings settings =
        LocalStack.Settings.onFreePorts(dir, ApicurioDistribution.locate());
    try (LocalStack stack = LocalStack.start(settings);
        StreamAppRunner second =
            AggregateService.start(
                stack.serviceConfig("aggregate", Ports.free(), dir.resolve("second-streams")))) {
      String first = stack.aggregateUrl();
      String other = second.baseUrl();
      try (InputStream in = MultiInstanceQueryIT.class.getResourceAsStream(ItPosts.RESOURCE)) {
        stack.replay(in, "posts.jsonl");
      }
      Map<String, String> expected = ItPosts.asText(ItPosts.expectedCells());

      for (String instance : new String[] {first, other}) {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(allCells(instance, 2)).isEqualTo(expected));
      }

      // Each instance alone holds only part of a view's cells; together, all of them.
      Set<String> localFirst = partialKeys(first);
      Set<String> localOther = partialKeys(other);
      Set<String> audienceTopics = new TreeSet<>();
      expected.keySet().stream()
          .filter(k -> k.startsWith("audience-topic|"))
          .forEach(audienceTopics::add);
      assertThat(localFirst).isNotEmpty().isNotEqualTo(audienceTopics);
      assertThat(localOther).isNotEmpty().isNotEqualTo(audienceTopics);
      Set<String> union = new TreeSet<>(localFirst);
      union.addAll(localOther);
      assertThat(union).isEqualTo(audienceTopics);
      assertThat(localFirst).doesNotContainAnyElementsOf(localOther);

      // One cell of every view: the same answer from both, named by the instance that owns it.
      for (View view : View.values()) {
        String someCell =
            expected.keySet().stream()
                .filter(k -> k.startsWith(view.id() + "|"))
                .findFirst()
                .orElseThrow();
        String cell =
            "/api/v1/views/"
                + view.id()
                + "/cells/"
                + someCell.substring(view.id().length() + 1).replace('|', '/')
                + "?"
                + RANGE;
        JsonNode fromFirst = get(first + cell);
        JsonNode fromOther = get(other + cell);
        assertThat(fromFirst.path("result")).as(cell).isEqualTo(fromOther.path("result"));
        assertThat(fromFirst.path("result").path("totals").path("posts").asLong())
            .as(cell)
            .isEqualTo(Long.parseLong(expected.get(someCell).split("/")[0]));
        assertThat(fromFirst.path("instances")).isEqualTo(fromOther.path("instances"));
      }
    }
  }

  /** Every view's cells as one instance answers them, checking how many instances answered. */
  private Map<String, String> allCells(String instance, int instances) throws Exception {
    Map<String, String> cells = new TreeMap<>();
    for (View view : View.values()) {
      JsonNode all = get(instance + "/api/v1/views/" + view.id() + "/cells?limit=1000&" + RANGE);
      assertThat(all.path("instances")).hasSize(instances);
      cells.putAll(ItPosts.cells(view.id(), all.path("result")));
    }
    return cells;
  }

  /** The audience x topic cells one instance holds itself. */
  private Set<String> partialKeys(String instance) throws Exception {
    Set<String> keys = new TreeSet<>();
    get(instance + "/api/v1/views/audience-topic/partials?interval=1h&" + RANGE)
        .path("result")
        .forEach(p -> keys.add(p.path("key").asText()));
    return keys;
  }

  /**
   * With tokens on, instances show each other their peer token: a fan-out from an instance that has
   * it answers in full; one from an instance without it is refused by its peers, and the query
   * answers 503 rather than a partial number.
   */
  @Test
  void peersAuthenticateToEachOther(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens");
    Files.writeString(
        tokens, "peers query,peer " + PEER_TOKEN + "\nanalyst query " + ANALYST_TOKEN + "\n");
    LocalStack.Settings settings =
        LocalStack.Settings.onFreePorts(dir, ApicurioDistribution.locate());
    try (LocalStack stack = LocalStack.start(settings);
        StreamAppRunner withPeerToken =
            AggregateService.start(
                stack
                    .serviceConfig("aggregate", Ports.free(), dir.resolve("b-streams"))
                    .with(
                        Map.of(
                            "http.auth.tokens.file",
                            tokens.toString(),
                            "aggregate.peer.token",
                            PEER_TOKEN)));
        StreamAppRunner withoutPeerToken =
            AggregateService.start(
                stack
                    .serviceConfig("aggregate", Ports.free(), dir.resolve("c-streams"))
                    .with(Map.of("http.auth.tokens.file", tokens.toString())))) {
      try (InputStream in = MultiInstanceQueryIT.class.getResourceAsStream(ItPosts.RESOURCE)) {
        stack.replay(in, "posts.jsonl");
      }
      Map<String, String> expected = ItPosts.asText(ItPosts.expectedCells());
      String all = "/api/v1/views/brand-topic/cells?limit=1000&" + RANGE;
      Map<String, String> brandTopics = new TreeMap<>();
      expected.forEach(
          (k, v) -> {
            if (k.startsWith("brand-topic|")) {
              brandTopics.put(k, v);
            }
          });

      assertThat(send(withPeerToken.baseUrl() + all, null).statusCode()).isEqualTo(401);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                HttpResponse<String> r = send(withPeerToken.baseUrl() + all, ANALYST_TOKEN);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(r.body());
                assertThat(body.path("instances")).hasSize(3);
                assertThat(ItPosts.cells("brand-topic", body.path("result")))
                    .isEqualTo(brandTopics);
              });
      HttpResponse<String> refused = send(withoutPeerToken.baseUrl() + all, ANALYST_TOKEN);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body()).contains("401");
    }
  }

  private HttpResponse<String> send(String url, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
