package dev.earshot.deploy.reliability;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostFacts;
import dev.earshot.avro.ViewWindow;
import dev.earshot.deploy.StackProbe;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.Sentiments;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.registry.RegistryConfig;
import dev.earshot.schemas.registry.RestSchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KeyValue;

/**
 * The suite's verifier, after Kafka's Streams EOS system test: it reads what Kafka committed
 * ({@code read_committed}) and recomputes every aggregate from the committed input, independently
 * of the aggregate app's state:
 *
 * <ul>
 *   <li>every generated post on posts.raw is on posts.enriched exactly once (none missing, none
 *       twice);
 *   <li>the latest value of every cell on the output topic equals the count recomputed from
 *       posts.enriched (posts, positive, neutral, negative, score sum), and no cell is missing or
 *       extra.
 * </ul>
 */
final class Verifier {
  /** The view and window size checked: audience x topic hours, on their updates topic. */
  private static final View VIEW = View.AUDIENCE_TOPIC;

  private static final WindowSize HOUR = WindowSize.parse("1h");

  /** What the verifier found; {@link #ok()} when nothing is lost, doubled or miscounted. */
  record Report(
      int inputPosts,
      int enrichedPosts,
      int missing,
      int duplicated,
      int cells,
      int wrongCells,
      long cellPosts,
      List<String> examples) {
    boolean ok() {
      return inputPosts > 0 && missing == 0 && duplicated == 0 && wrongCells == 0;
    }

    @Override
    public String toString() {
      return String.format(
          "input %d, enriched %d, missing %d, duplicated %d, cells %d, wrong cells %d%s",
          inputPosts,
          enrichedPosts,
          missing,
          duplicated,
          cells,
          wrongCells,
          examples.isEmpty() ? "" : " e.g. " + examples);
    }
  }

  private final String bootstrapServers;
  private final PipelineTopics topics;

  Verifier(String bootstrapServers, String registryUrl) {
    this.bootstrapServers = bootstrapServers;
    this.topics =
        new PipelineTopics(
            new RestSchemaRegistryClient(RegistryConfig.of(registryUrl)), SerdeConfig.DEFAULT);
  }

  Report verify() {
    Set<String> input = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : readCommitted(Topics.POSTS_RAW)) {
      String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      if (key != null && key.startsWith(SequencedPosts.PLATFORM + ":")) {
        input.add(key);
      }
    }
    var enrichedReader = topics.enrichedPosts().valueSerde().deserializer();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, long[]> expected = new TreeMap<>();
    Map<String, Double> expectedScore = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : readCommitted(Topics.POSTS_ENRICHED)) {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (!key.startsWith(SequencedPosts.PLATFORM + ":") || seen.merge(key, 1, Integer::sum) > 1) {
        continue;
      }
      EnrichedPost post = enrichedReader.deserialize(Topics.POSTS_ENRICHED, r.value());
      long start = post.getPost().getCreatedAt().toEpochMilli();
      start = HOUR.windowStart(start);
      for (KeyValue<String, PostFacts> cell : AggregateTopology.cells(key, post)) {
        if (!cell.key.startsWith(VIEW.id() + "|")) {
          continue;
        }
        String id =
            cell.key.substring(VIEW.id().length() + 1)
                + "|"
                + java.time.Instant.ofEpochMilli(start);
        long[] c = expected.computeIfAbsent(id, k -> new long[4]);
        c[0]++;
        String label = post.getSentiment().getLabel();
        c[label.equals(Sentiments.POSITIVE) ? 1 : label.equals(Sentiments.NEUTRAL) ? 2 : 3]++;
        expectedScore.merge(id, post.getSentiment().getScore(), Double::sum);
      }
    }
    var windowReader = topics.viewWindows().deserializer();
    String updates = Topics.viewUpdates(VIEW, HOUR);
    Map<String, ViewWindow> latest = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : readCommitted(updates)) {
      latest.put(
          new String(r.key(), StandardCharsets.UTF_8),
          windowReader.deserialize(updates, r.value()));
    }
    int wrong = 0;
    List<String> examples = new ArrayList<>();
    Set<String> cells = new HashSet<>(expected.keySet());
    cells.addAll(latest.keySet());
    for (String cell : cells) {
      long[] want = expected.getOrDefault(cell, new long[4]);
      ViewWindow got = latest.get(cell);
      long[] have =
          got == null
              ? new long[4]
              : new long[] {got.getPosts(), got.getPositive(), got.getNeutral(), got.getNegative()};
      double wantScore = expectedScore.getOrDefault(cell, 0.0);
      double haveScore = got == null ? 0.0 : got.getScoreSum();
      if (!java.util.Arrays.equals(want, have) || Math.abs(wantScore - haveScore) > 1e-6) {
        wrong++;
        if (examples.size() < 3) {
          examples.add(
              cell
                  + " want "
                  + java.util.Arrays.toString(want)
                  + " have "
                  + java.util.Arrays.toString(have));
        }
      }
    }
    int missing = 0;
    for (String key : input) {
      if (!seen.containsKey(key)) {
        missing++;
      }
    }
    int duplicated = (int) seen.values().stream().filter(n -> n > 1).count();
    long cellPosts = expected.values().stream().mapToLong(c -> c[0]).sum();
    return new Report(
        input.size(), seen.size(), missing, duplicated, cells.size(), wrong, cellPosts, examples);
  }

  private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    return StackProbe.readCommitted(bootstrapServers, topic);
  }
}
