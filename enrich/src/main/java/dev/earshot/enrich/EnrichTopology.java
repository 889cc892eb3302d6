package dev.earshot.enrich;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.service.CreatedAtTimestampExtractor;
import dev.earshot.service.PostContract;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * posts.raw -> check the post contract -> drop re-deliveries -> enrich -> posts.enriched. Built by
 * a pure function; wiring is in {@link EnrichService}.
 */
public final class EnrichTopology {
  public static final String SOURCE = "posts-raw-source";
  public static final String ENRICH = "enrich";
  public static final String SINK = "posts-enriched-sink";

  public static final String CHECK = "check-post-contract";
  public static final String DEDUPLICATE = "deduplicate";

  /**
   * @param enrich labels a post: the labeller's {@code enrich}, maybe counted on the way
   * @param dedupeRetention how long a post key is remembered to drop re-deliveries
   * @param onDuplicate called for each dropped duplicate (a metric)
   */
  public static Topology build(
      TopicWithSerdes<String, RawPost> in,
      TopicWithSerdes<String, EnrichedPost> out,
      ValueMapper<RawPost, EnrichedPost> enrich,
      Duration dedupeRetention,
      Runnable onDuplicate) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(DeduplicateProcessor.store(dedupeRetention));
    builder.stream(
            in.name(),
            Consumed.with(in.keySerde(), in.valueSerde())
                .withTimestampExtractor(new CreatedAtTimestampExtractor()) // event time
                .withName(SOURCE))
        // Keyed platform:id, dated after 1970: else to enrich.dlq with the reason. After this the
        // key is the post's identity, so deduplication by key cannot miss a re-keyed copy.
        .peek(PostContract::check, Named.as(CHECK))
        .processValues(
            () -> new DeduplicateProcessor(onDuplicate),
            Named.as(DEDUPLICATE),
            DeduplicateProcessor.STORE)
        .mapValues(enrich, Named.as(ENRICH))
        .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName(SINK));
    return builder.build();
  }

  private EnrichTopology() {}
}
