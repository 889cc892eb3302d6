package dev.earshot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.PostParser;
import dev.earshot.schemas.views.View;
import dev.earshot.service.ServiceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The freshness benchmark's posts, as JSON for ingest: a tracer (one sample post, sent again and
 * again under new ids) and the background (the sample's other posts that do not fall into the
 * tracer's audience x topic cell, as the enricher's own labeller labels them), each sent with
 * {@code created_at} = now.
 */
final class FreshnessPosts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode tracer;
  private final CellKey cell;
  private final List<ObjectNode> background;

  private FreshnessPosts(ObjectNode tracer, CellKey cell, List<ObjectNode> background) {
    this.tracer = tracer;
    this.cell = cell;
    this.background = background;
  }

  /** Labels the sample; the tracer is its first post with an audience x topic cell. */
  static FreshnessPosts fromSample() throws IOException {
    ServiceConfig config = ServiceConfig.load("enrich", null, System.getenv(), Map.of());
    Labeller labeller =
        Labeller.create(
            LabellerSettings.from(key -> config.get(key, null)).withMaxTimePerPost(Duration.ZERO));
    PostParser parser =
        new PostParser(Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
    List<ObjectNode> lines = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    try (InputStream in = FreshnessPosts.class.getResourceAsStream(BenchPosts.SAMPLE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (parser.parse(line, "bench") instanceof PostParser.Valid valid) {
          lines.add((ObjectNode) JSON.readTree(line));
          cells.add(audienceTopicCells(labeller, valid.post()));
        }
      }
    }
    int tracer = 0;
    while (cells.get(tracer).isEmpty()) {
      tracer++;
    }
    String cell = cells.get(tracer).get(0);
    List<ObjectNode> background = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!cells.get(i).contains(cell)) {
        background.add(lines.get(i));
      }
    }
    return new FreshnessPosts(lines.get(tracer), CellKey.decode(cell), background);
  }

  private static List<String> audienceTopicCells(Labeller labeller, RawPost post) {
    EnrichedPost enriched = labeller.enrich(post);
    String key = PostKeys.of(post.getPlatform(), post.getId());
    List<String> cells = new ArrayList<>();
    for (var cell : AggregateTopology.cells(key, enriched)) {
      if (CellKey.decode(cell.key).view() == View.AUDIENCE_TOPIC) {
        cells.add(cell.key);
      }
    }
    return cells;
  }

  CellKey cell() {
    return cell;
  }

  String tracerText() {
    return tracer.path("text").asText();
  }

  int background() {
    return background.size();
  }

  /** The i-th tracer: id {@code fresh-tracer-<i>}. */
  String tracer(int i) {
    return body(tracer, "fresh-tracer-" + i);
  }

  /** The n-th post sent, from the background. */
  String background(int n) {
    ObjectNode post = background.get(n % background.size());
    return body(post, post.path("id").asText() + "-fresh-" + n);
  }

  private static String body(ObjectNode post, String id) {
    ObjectNode copy = post.deepCopy();
    copy.put("id", id);
    copy.put("created_at", Instant.now().toString());
    try {
      return JSON.writeValueAsString(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
