package dev.earshot.aggregate;

import dev.earshot.avro.RawPost;
import dev.earshot.service.EarshotTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * How fresh each post is when aggregate reads it from posts.enriched, as two histograms: its age
 * (now minus {@code created_at}: large for backfills, by design) and the pipeline latency (now
 * minus {@code ingested_at}, the time ingest accepted it, which enrich carries in the post: how far
 * the counts trail ingest).
 *
 * <p>Both subtract another host's clock from this one's, so skewed clocks shift them. A post from a
 * clock ahead of this one counts as zero rather than not at all (Micrometer drops negative
 * durations), so both histograms count every post read.
 */
public final class PostFreshness {
  private final Timer age;
  private final Timer pipelineLatency;
  private final Clock clock;

  public PostFreshness(MeterRegistry registry, Clock clock) {
    this.age = EarshotTimer.AGGREGATE_POST_AGE.in(registry);
    this.pipelineLatency = EarshotTimer.AGGREGATE_PIPELINE_LATENCY.in(registry);
    this.clock = clock;
  }

  /** Records one post that passed the post contract (so {@code created_at} is set). */
  void record(RawPost post) {
    long now = clock.millis();
    age.record(Math.max(0, now - post.getCreatedAt().toEpochMilli()), TimeUnit.MILLISECONDS);
    pipelineLatency.record(
        Math.max(0, now - post.getIngestedAt().toEpochMilli()), TimeUnit.MILLISECONDS);
  }
}
