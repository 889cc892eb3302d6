package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.schemas.Topics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input over HTTP is answered 400 naming the field, lands in the dead-letter topic and is
 * counted; the query API refuses a bad range the same way.
 */
@ExtendWith(SharedStack.class)
class IngestRefusalIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalStack stack = SharedStack.stack();
  private final StackProbe probe = new StackProbe(stack.bootstrapServers());

  @Test
  void badInputGetsA400NamingTheFieldAndIsDeadLetteredAndCounted() throws Exception {
    int deadLettersBefore = probe.readAll(Topics.INGEST_DLQ).size();
    double countedBefore = probe.metric(stack.ingestUrl(), "earshot_dead_letters_total", "");
    HttpResponse<String> noText =
        probe.post(
            stack.ingestUrl() + "/api/v1/posts",
            HttpRequest.BodyPublishers.ofString(
                "{\"id\":\"x\",\"platform\":\"twitter\",\"created_at\":\"2026-11-16T10:00:00Z\"}"));
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noText.body()).path("field").asText()).isEqualTo("text");

    HttpResponse<String> badRange =
        probe.get(stack.aggregateUrl() + "/api/v1/views/topic/cells?from=soon");
    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badRange.body()).path("field").asText()).isEqualTo("from");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(probe.readAll(Topics.INGEST_DLQ)).hasSize(deadLettersBefore + 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(probe.metric(stack.ingestUrl(), "earshot_dead_letters_total", ""))
                    .isEqualTo(countedBefore + 1));
  }
}
