package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.ingest.JsonlReplay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees: the bundled sample replayed once on the local stack makes the worked
 * example visible at the URL the runner prints, and a restart does not replay it again.
 */
class SampleDemoIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldShowNewlywedsTalkingAboutCardConsolidationAfterTheSampleReplay(@TempDir Path dir)
      throws Exception {
    LocalStack.Settings settings =
        LocalStack.Settings.onFreePorts(dir, ApicurioDistribution.locate());
    try (LocalStack stack = LocalStack.start(settings)) {
      Optional<JsonlReplay.Summary> first = EarshotLocal.replaySampleOnce(stack, dir);
      assertThat(first).isPresent();
      // The sample holds exactly six deliberately broken lines, to show the dead-letter topic.
      assertThat(first.get().rejected()).isEqualTo(6);
      assertThat(first.get().published()).isGreaterThan(3_900);
      assertThat(EarshotLocal.replaySampleOnce(stack, dir)).isEmpty();

      String url =
          stack.aggregateUrl()
              + "/api/v1/views/audience-topic/cells/newlyweds/card-consolidation?from="
              + EarshotLocal.SAMPLE_FROM
              + "&to="
              + EarshotLocal.SAMPLE_TO;
      HttpClient http = HttpClient.newHttpClient();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                HttpResponse<String> response =
                    http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode totals = JSON.readTree(response.body()).path("result").path("totals");
                // The worked example: newlyweds talk about consolidating their cards, a lot.
                assertThat(totals.path("posts").asLong()).isGreaterThan(100);
              });
      // The fraud wave of the afternoon of 2026-11-19, at the URL the runner prints.
      String alerts =
          stack.aggregateUrl()
              + "/api/v1/alerts?severity=critical&from="
              + EarshotLocal.SAMPLE_FROM
              + "&to="
              + EarshotLocal.SAMPLE_TO;
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                HttpResponse<String> response =
                    http.send(
                        HttpRequest.newBuilder(URI.create(alerts)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode raised = JSON.readTree(response.body()).path("result");
                assertThat(raised).isNotEmpty();
                for (JsonNode alert : raised) {
                  assertThat(alert.path("window_start").asText()).startsWith("2026-11-19T1");
                }
                assertThat(raised.findValuesAsText("topic")).contains("fraud-security");
              });
    }
  }
}
