package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  public record WindowView(
      String audienceSegment, Instant windowStart, long postCount, List<String> topTopics) {}

  private final WindowView view =
      new WindowView(
          "newlyweds", Instant.parse("2026-11-16T08:15:02.120Z"), 17, List.of("credit-limit"));

  @Test
  void shouldWriteInstantsAsIso8601Strings() throws Exception {
    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(view));

    assertThat(json.get("window_start").isTextual()).isTrue();
    assertThat(json.get("window_start").asText()).isEqualTo("2026-11-16T08:15:02.120Z");
  }

  @Test
  void shouldWriteABareInstantAsAQuotedIsoString() throws Exception {
    assertThat(Json.MAPPER.writeValueAsString(Instant.parse("2026-11-16T08:15:02Z")))
        .isEqualTo("\"2026-11-16T08:15:02Z\"");
  }

  @Test
  void shouldWriteRecordComponentsInSnakeCase() throws Exception {
    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(view));

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("audience_segment", "window_start", "post_count", "top_topics");
    assertThat(json.get("audience_segment").asText()).isEqualTo("newlyweds");
    assertThat(json.get("post_count").asLong()).isEqualTo(17);
  }

  @Test
  void shouldReadItsOwnOutputBackIntoTheRecord() throws Exception {
    String text = Json.MAPPER.writeValueAsString(view);

    assertThat(Json.MAPPER.readValue(text, WindowView.class)).isEqualTo(view);
  }
}
