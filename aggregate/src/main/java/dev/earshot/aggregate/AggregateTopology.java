package dev.earshot.aggregate;

import dev.earshot.avro.AudienceTopicWindow;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostSentiment;
import dev.earshot.avro.SentimentCounts;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.service.CreatedAtTimestampExtractor;
import dev.earshot.service.PostContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * posts.enriched -> one record per (audience, topic) a post carries -> hourly tumbling event-time
 * windows with a grace period -> counts and sentiment split, kept in a queryable window store and
 * published to a compacted topic for BI tools. Every operator is named so the internal topics keep
 * their names across versions.
 */
public final class AggregateTopology {
  public static final String STORE = "audience-topic-hourly";
  public static final String SOURCE = "posts-enriched-source";
  public static final String CHECK = "check-post-contract";
  public static final String EXPLODE = "explode-audience-topic";
  public static final String GROUP = "by-audience-topic";
  public static final String CHECK_LATE = "check-late";
  public static final String COUNT = "count-audience-topic";
  public static final String TO_OUTPUT = "to-audience-topic-window";
  public static final String SINK = "audience-topic-hourly-sink";
  public static final Duration WINDOW = Duration.ofHours(1);

  /** Window settings from configuration. */
  public record Settings(Duration grace, Duration retention) {
    public Settings {
      if (retention.compareTo(WINDOW.plus(grace)) < 0) {
        throw new IllegalArgumentException(
            "aggregate.retention must be at least the window (1h) plus aggregate.grace");
      }
    }
  }

  /**
   * Records that break the post contract and votes whose window has closed are thrown out of the
   * topology and dead-lettered, as read, by the Streams processing-exception handler ({@code
   * dev.earshot.service.DeadLetterProcessingHandler}) to aggregate.dlq.
   *
   * @param voteSerde for the repartition topic
   */
  public static Topology build(
      TopicWithSerdes<String, EnrichedPost> in,
      TopicWithSerdes<String, AudienceTopicWindow> out,
      Serde<PostSentiment> voteSerde,
      Serde<SentimentCounts> countsSerde,
      Settings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            in.name(),
            Consumed.with(in.keySerde(), in.valueSerde())
                .withTimestampExtractor(new CreatedAtTimestampExtractor())
                .withName(SOURCE))
        // Keyed platform:id, dated after 1970: else to aggregate.dlq with the reason.
        .peek(
            (key, post) -> PostContract.check(key, post == null ? null : post.getPost()),
            Named.as(CHECK))
        .flatMap(AggregateTopology::cells, Named.as(EXPLODE))
        .repartition(
            Repartitioned.<String, PostSentiment>as(GROUP)
                .withKeySerde(Serdes.String())
                .withValueSerde(voteSerde))
        // After the repartition, so that it sees the stream time the window store sees. A late
        // vote goes to aggregate.dlq as read from the repartition topic: key audience|topic,
        // value the PostSentiment (Avro, Confluent wire format), one dead letter per cell.
        .processValues(() -> new LateRecordCheck(WINDOW, settings.grace()), Named.as(CHECK_LATE))
        // Already partitioned by audience|topic: no second repartition happens here.
        .groupByKey()
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, settings.grace()))
        .aggregate(
            SentimentCounting::empty,
            (key, vote, counts) -> SentimentCounting.add(counts, vote.getSentiment()),
            Named.as(COUNT),
            Materialized.<String, SentimentCounts, WindowStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(countsSerde)
                .withRetention(settings.retention()))
        .toStream(Named.as(TO_OUTPUT + "-stream"))
        .map(AggregateTopology::toOutput, Named.as(TO_OUTPUT))
        .to(out.name(), Produced.with(out.keySerde(), out.valueSerde()).withName(SINK));
    return builder.build();
  }

  /** One record per (audience, topic) pair of the post, keyed {@code audience|topic}. */
  public static List<KeyValue<String, PostSentiment>> cells(String postKey, EnrichedPost post) {
    List<String> audiences = orUnassigned(post.getAudiences());
    List<String> topics = orUnassigned(post.getTopics());
    PostSentiment vote = new PostSentiment(postKey, post.getSentiment());
    List<KeyValue<String, PostSentiment>> out = new ArrayList<>(audiences.size() * topics.size());
    for (String audience : audiences) {
      for (String topic : topics) {
        out.add(KeyValue.pair(new AudienceTopicKey(audience, topic).encode(), vote));
      }
    }
    return out;
  }

  static KeyValue<String, AudienceTopicWindow> toOutput(
      Windowed<String> window, SentimentCounts counts) {
    AudienceTopicKey key = AudienceTopicKey.decode(window.key());
    AudienceTopicWindow value =
        new AudienceTopicWindow(
            key.audience(),
            key.topic(),
            window.window().startTime(),
            window.window().endTime(),
            counts.getPosts(),
            counts.getPositive(),
            counts.getNeutral(),
            counts.getNegative(),
            counts.getScoreSum());
    return KeyValue.pair(window.key() + "|" + window.window().startTime(), value);
  }

  private static List<String> orUnassigned(List<String> labels) {
    return labels == null || labels.isEmpty() ? List.of(AudienceTopicKey.UNASSIGNED) : labels;
  }

  private AggregateTopology() {}
}
