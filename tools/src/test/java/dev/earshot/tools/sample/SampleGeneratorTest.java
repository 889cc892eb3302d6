package dev.earshot.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample is exactly what the generator and its data files make. Maven runs the tests
 * in the module directory, so the deploy module's files are one level up.
 */
class SampleGeneratorTest {
  private static final Path COMMITTED = Path.of("../deploy/src/main/resources/sample/posts.jsonl");
  private static final Path DAYS = Path.of("../deploy/src/main/resources/sample/sample.properties");

  @Test
  void regeneratingGivesTheCommittedSampleByteForByte(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("posts.jsonl");

    SampleGenerator.main(new String[] {out.toString(), DAYS.toString()});

    long mismatch = Files.mismatch(out, COMMITTED);
    if (mismatch >= 0) {
      // Name the first line that differs: far easier to act on than a byte offset.
      List<String> made = Files.readAllLines(out);
      List<String> committed = Files.readAllLines(COMMITTED);
      int line = 0;
      while (line < made.size() && line < committed.size()) {
        if (!made.get(line).equals(committed.get(line))) {
          break;
        }
        line++;
      }
      assertThat(made.size() > line ? made.get(line) : "<end of file>")
          .as(
              "line %d differs from %s: regenerate the sample (see SampleGenerator's javadoc)"
                  + " and commit it with the change",
              line + 1, COMMITTED)
          .isEqualTo(committed.size() > line ? committed.get(line) : "<end of file>");
    }
    assertThat(mismatch).as("first differing byte").isEqualTo(-1L);
  }

  @Test
  void everyPostOfTheCommittedSampleIsWithinTheStatedDays() throws Exception {
    SampleDays days = SampleDays.read(DAYS);
    ObjectMapper json = new ObjectMapper();
    int valid = 0;
    LocalDate earliest = LocalDate.MAX;
    LocalDate latest = LocalDate.MIN;
    for (String line : Files.readAllLines(COMMITTED)) {
      JsonNode post;
      try {
        post = json.readTree(line);
      } catch (Exception e) {
        continue; // one of the deliberately invalid lines
      }
      Instant at;
      try {
        at = Instant.parse(post.path("created_at").asText());
      } catch (Exception e) {
        continue;
      }
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      earliest = day.isBefore(earliest) ? day : earliest;
      latest = day.isAfter(latest) ? day : latest;
      valid++;
    }

    assertThat(valid).isGreaterThan(3_900);
    // Every day has posts, so the first and last post fall on the stated first and last day.
    assertThat(earliest).isEqualTo(days.first());
    assertThat(latest).isEqualTo(days.last());
  }
}
