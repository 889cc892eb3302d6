package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The query range earshot-local prints covers the bundled sample, every post of it. */
class SampleDaysTest {
  @Test
  void thePrintedRangeIsTheStatedDaysWithAnExclusiveEnd() {
    SampleDays days = SampleDays.bundled();

    assertThat(EarshotLocal.SAMPLE_FROM).isEqualTo(days.first().toString());
    assertThat(LocalDate.parse(EarshotLocal.SAMPLE_TO)).isEqualTo(days.last().plusDays(1));
  }

  @Test
  void everyPostOfTheBundledSampleIsInThePrintedRange() throws Exception {
    Instant from =
        LocalDate.parse(EarshotLocal.SAMPLE_FROM).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = LocalDate.parse(EarshotLocal.SAMPLE_TO).atStartOfDay(ZoneOffset.UTC).toInstant();
    ObjectMapper json = new ObjectMapper();
    int inRange = 0;
    try (InputStream in = EarshotLocal.class.getResourceAsStream(EarshotLocal.SAMPLE_RESOURCE);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Instant at = createdAt(json, line);
        if (at != null) {
          assertThat(at).as(line).isBetween(from, to.minusSeconds(1));
          inRange++;
        }
      }
    }
    assertThat(inRange).isGreaterThan(3_900);
  }

  /** The post's time, or null for the sample's deliberately invalid lines. */
  private static Instant createdAt(ObjectMapper json, String line) {
    try {
      JsonNode post = json.readTree(line);
      return Instant.parse(post.path("created_at").asText());
    } catch (Exception e) {
      return null;
    }
  }
}
