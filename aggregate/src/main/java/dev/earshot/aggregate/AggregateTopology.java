package dev.earshot.aggregate;

import dev.earshot.avro.AudienceTopicWindow;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.avro.SentimentCounts;
import dev.earshot.schemas.TopicWithSerdes;
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
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
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
  public static final String EXPLODE = "explode-audience-topic";
  public static final String GROUP = "by-audience-topic";
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

  public static Topology build(
      TopicWithSerdes<String, EnrichedPost> in,
      TopicWithSerdes<String, AudienceTopicWindow> out,
      Serde<Sentiment> sentimentSerde,
      Serde<SentimentCounts> countsSerde,
      Settings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            in.name(),
            Consumed.with(in.keySerde(), in.valueSerde())
                .withTimestampExtractor(new PostTimestampExtractor())
                .withName(SOURCE))
        .flatMap(AggregateTopology::cells, Named.as(EXPLODE))
        .groupByKey(Grouped.with(GROUP, Serdes.String(), sentimentSerde))
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, settings.grace()))
        .aggregate(
            SentimentCounting::empty,
            (key, sentiment, counts) -> SentimentCounting.add(counts, sentiment),
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
  static List<KeyValue<String, Sentiment>> cells(String postKey, EnrichedPost post) {
    List<String> audiences = orUnassigned(post.getAudiences());
    List<String> topics = orUnassigned(post.getTopics());
    List<KeyValue<String, Sentiment>> out = new ArrayList<>(audiences.size() * topics.size());
    for (String audience : audiences) {
      for (String topic : topics) {
        out.add(KeyValue.pair(new AudienceTopicKey(audience, topic).encode(), post.getSentiment()));
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
