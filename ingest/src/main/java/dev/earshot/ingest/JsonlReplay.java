package dev.earshot.ingest;

import dev.earshot.schemas.PostParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a JSONL file of posts: each valid line to posts.raw, each invalid one to ingest.dlq with
 * its reason and {@code file:<name>:<line>} origin; blank lines are skipped. Replaying the same
 * file again publishes the same keys: downstream deduplication keeps counts exact.
 */
public final class JsonlReplay {
  private static final Logger log = LoggerFactory.getLogger(JsonlReplay.class);

  /** What a replay did. */
  public record Summary(long lines, long published, long rejected) {}

  private final PostParser parser;
  private final PostPublisher publisher;

  public JsonlReplay(PostParser parser, PostPublisher publisher) {
    this.parser = parser;
    this.publisher = publisher;
  }

  public Summary replay(InputStream in, String name) throws IOException {
    long lines = 0;
    long published = 0;
    long rejected = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        if (line.isBlank()) {
          continue;
        }
        String origin = "file:" + name + ":" + lines;
        PostParser.Result result = parser.parse(line, origin);
        if (result instanceof PostParser.Valid valid) {
          publisher.publish(valid.post());
          published++;
        } else if (result instanceof PostParser.Invalid invalid) {
          log.warn("{}: refused ({}): {}", origin, invalid.field(), invalid.reason());
          publisher.reject(line.getBytes(StandardCharsets.UTF_8), origin, invalid);
          rejected++;
        }
      }
    }
    publisher.flush();
    Summary summary = new Summary(lines, published, rejected);
    log.info("replayed {}: {}", name, summary);
    return summary;
  }
}
