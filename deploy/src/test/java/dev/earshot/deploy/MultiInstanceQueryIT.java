package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.aggregate.app.AggregateService;
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
import java.util.TreeMap;
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
            .untilAsserted(
                () -> {
                  JsonNode all = get(instance + "/api/v1/audience-topics?" + RANGE);
                  assertThat(all.path("instances")).hasSize(2);
                  assertThat(ItPosts.cells(all.path("result"))).isEqualTo(expected);
                });
      }

      // Each instance alone holds only part of the cells; together, all of them.
      Map<String, String> localFirst =
          ItPosts.cells(get(first + "/api/v1/audience-topics?scope=local&" + RANGE).path("result"));
      Map<String, String> localOther =
          ItPosts.cells(get(other + "/api/v1/audience-topics?scope=local&" + RANGE).path("result"));
      assertThat(localFirst).isNotEmpty().isNotEqualTo(expected);
      assertThat(localOther).isNotEmpty().isNotEqualTo(expected);
      Map<String, String> union = new TreeMap<>(localFirst);
      union.putAll(localOther);
      assertThat(union).isEqualTo(expected);
      assertThat(localFirst.keySet()).doesNotContainAnyElementsOf(localOther.keySet());

      // One cell: the same answer from both, named by the instance that owns it.
      String cell = "/api/v1/audience-topics/newlyweds/card-consolidation?" + RANGE;
      JsonNode fromFirst = get(first + cell);
      JsonNode fromOther = get(other + cell);
      assertThat(fromFirst.path("result")).isEqualTo(fromOther.path("result"));
      assertThat(fromFirst.path("result").path("totals").path("posts").asLong()).isEqualTo(10);
      assertThat(fromFirst.path("instances")).isEqualTo(fromOther.path("instances"));
    }
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
        tokens, "peers query " + PEER_TOKEN + "\nanalyst query " + ANALYST_TOKEN + "\n");
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
      String all = "/api/v1/audience-topics?" + RANGE;

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
                assertThat(ItPosts.cells(body.path("result"))).isEqualTo(expected);
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
