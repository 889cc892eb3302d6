package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.aggregate.AggregateService;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswerEveryQueryInFullFromEitherInstance(@TempDir Path dir) throws Exception {
    LocalStack.Settings settings =
        LocalStack.Settings.onFreePorts(dir, ApicurioDistribution.locate());
    try (LocalStack stack = LocalStack.start(settings);
        AggregateService second =
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

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
