package dev.earshot.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.avro.RawPost;
import dev.earshot.schemas.PostParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled set (eval/*.jsonl): posts in the wire format, each with its {@code expected} labels.
 */
final class LabelledPosts {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One post and what a reader labelled it. */
  record Labelled(RawPost post, JsonNode expected) {
    String expectedSentiment() {
      return expected.path("sentiment").asText();
    }
  }

  private LabelledPosts() {}

  /** Every post of the file; an invalid one is refused with its line number, not skipped. */
  static List<Labelled> read(Path file) throws IOException {
    // Labelled sets may be dated after today: the future-date check of live ingest does not apply.
    PostParser parser =
        new PostParser(Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
    List<Labelled> posts = new ArrayList<>();
    long number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      PostParser.Result parsed = parser.parse(line, "eval:" + number);
      if (parsed instanceof PostParser.Invalid invalid) {
        throw new IllegalArgumentException(
            file
                + ":"
                + number
                + ": not a valid post ("
                + invalid.field()
                + "): "
                + invalid.reason());
      }
      posts.add(
          new Labelled(((PostParser.Valid) parsed).post(), JSON.readTree(line).path("expected")));
    }
    return posts;
  }
}
