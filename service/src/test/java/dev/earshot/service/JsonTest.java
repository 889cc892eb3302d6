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

  @Test
  void instantsAreWrittenExactlyAsInstantToStringWritesThem() throws Exception {
    java.util.Random random = new java.util.Random(42);
    List<Instant> instants =
        new java.util.ArrayList<>(
            List.of(
                Instant.EPOCH,
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("9999-12-31T23:59:59Z").plusSeconds(1),
                Instant.parse("0000-01-01T00:00:00Z").minusSeconds(1),
                Instant.parse("2024-02-29T23:59:59Z"),
                Instant.parse("2026-11-16T08:15:02.000000001Z"),
                Instant.MIN,
                Instant.MAX));
    for (int i = 0; i < 10_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L - 86_400 * 3, 253_402_300_800L + 86_400 * 3);
      instants.add(Instant.ofEpochSecond(seconds, i % 10 == 0 ? random.nextInt(1_000_000_000) : 0));
    }
    for (Instant instant : instants) {
      assertThat(Json.MAPPER.writeValueAsString(instant)).isEqualTo("\"" + instant + "\"");
    }
  }
}
