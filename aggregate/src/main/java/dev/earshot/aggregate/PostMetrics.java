package dev.earshot.aggregate;

import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.RawPost;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.service.EarshotCounter;
import dev.earshot.service.EarshotTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What aggregate measures of each post it reads from posts.enriched: the conversation's volume per
 * audience x topic and sentiment (a counter per cell: the default taxonomy has 77 cells, so at most
 * 231 series; for a dashboard, the exact counts are the query API's), and how fresh the post is, as
 * two histograms: its age (now minus {@code created_at}: large for backfills, by design) and the
 * pipeline latency (now minus {@code ingested_at}, the time ingest accepted it, which enrich
 * carries in the post: how far the counts trail ingest).
 *
 * <p>Both subtract another host's clock from this one's, so skewed clocks shift them. A post from a
 * clock ahead of this one counts as zero rather than not at all (Micrometer drops negative
 * durations), so both histograms count every post read.
 */
public final class PostMetrics {
  private final Timer age;
  private final Timer pipelineLatency;
  private final Clock clock;
  private final MeterRegistry registry;

  /** Counters by audience x topic cell (its key) and sentiment, looked up once each. */
  private final Map<String, Map<String, Counter>> posts = new HashMap<>();

  public PostMetrics(MeterRegistry registry, Clock clock) {
    this.age = EarshotTimer.AGGREGATE_POST_AGE.in(registry);
    this.pipelineLatency = EarshotTimer.AGGREGATE_PIPELINE_LATENCY.in(registry);
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * Counts a post in one of its audience x topic cells ({@code key}: the cell encoded, as the
   * caller has it). Metrics are not part of Kafka's transactions: posts reprocessed after a crash
   * count again here (never in the stores).
   */
  void counted(CellKey cell, String key, String sentiment) {
    posts
        .computeIfAbsent(key, k -> new HashMap<>())
        .computeIfAbsent(
            sentiment,
            k -> {
              List<String> tags = new ArrayList<>();
              for (Dimension dimension : cell.view().dimensions()) {
                tags.add(dimension.field());
                tags.add(cell.label(dimension));
              }
              tags.add("sentiment");
              tags.add(sentiment);
              return EarshotCounter.AGGREGATE_POSTS.in(registry, tags.toArray(String[]::new));
            })
        .increment();
  }

  /** Records one post that passed the post contract (so {@code created_at} is set). */
  void record(RawPost post) {
    long now = clock.millis();
    age.record(Math.max(0, now - post.getCreatedAt().toEpochMilli()), TimeUnit.MILLISECONDS);
    pipelineLatency.record(
        Math.max(0, now - post.getIngestedAt().toEpochMilli()), TimeUnit.MILLISECONDS);
  }
}
