package dev.earshot.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostFacts;
import dev.earshot.avro.RawPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.PostParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/** The integration tests' posts and the counts the pipeline must report for them. */
final class ItPosts {
  static final String RESOURCE = "/it/posts.jsonl";

  /**
   * Cell of every view ({@code view|label|...}) -> {posts, positive, neutral, negative}, computed
   * with the library code the services run, each post key once.
   */
  static Map<String, long[]> expectedCells() throws IOException {
    // The service's settings, without its time budget: every post is counted, however slow.
    Labeller enricher =
        Labeller.create(LabellerSettings.defaults().withMaxTimePerPost(Duration.ZERO));
    PostParser parser = new PostParser(Clock.systemUTC());
    Map<String, long[]> cells = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    try (InputStream in = ItPosts.class.getResourceAsStream(RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!(parser.parse(line, "test") instanceof PostParser.Valid valid)) {
          continue;
        }
        RawPost post = valid.post();
        String key = PostKeys.of(post.getPlatform(), post.getId());
        if (!seen.add(key)) {
          continue;
        }
        EnrichedPost enriched = enricher.enrich(post);
        for (KeyValue<String, PostFacts> cell : AggregateTopology.cells(key, enriched)) {
          long[] c = cells.computeIfAbsent(cell.key, k -> new long[4]);
          c[0]++;
          switch (cell.value.getSentiment()) {
            case "positive" -> c[1]++;
            case "neutral" -> c[2]++;
            default -> c[3]++;
          }
        }
      }
    }
    return cells;
  }

  static Map<String, String> asText(Map<String, long[]> cells) {
    Map<String, String> out = new TreeMap<>();
    cells.forEach((k, c) -> out.put(k, c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3]));
    return out;
  }

  /** A view's list of cells from the API in the same form as {@link #asText}. */
  static Map<String, String> cells(String view, JsonNode result) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode cell : result) {
      StringBuilder key = new StringBuilder(view);
      cell.path("labels").forEach(label -> key.append('|').append(label.asText()));
      JsonNode t = cell;
      out.put(
          key.toString(),
          t.path("posts").asLong()
              + "/"
              + t.path("positive").asLong()
              + "/"
              + t.path("neutral").asLong()
              + "/"
              + t.path("negative").asLong());
    }
    return out;
  }

  private ItPosts() {}
}
