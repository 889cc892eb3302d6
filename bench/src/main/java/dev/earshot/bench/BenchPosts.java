package dev.earshot.bench;

import dev.earshot.avro.RawPost;
import dev.earshot.schemas.PostParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The posts every benchmark runs on: the valid posts of the bundled sample, in file order. */
final class BenchPosts {
  static final String SAMPLE = "/sample/posts.jsonl";

  static List<RawPost> load() {
    PostParser parser =
        new PostParser(Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
    List<RawPost> posts = new ArrayList<>();
    try (InputStream in = BenchPosts.class.getResourceAsStream(SAMPLE)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (String line : lines) {
        if (parser.parse(line, "bench") instanceof PostParser.Valid valid) {
          posts.add(valid.post());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return posts;
  }

  private BenchPosts() {}
}
