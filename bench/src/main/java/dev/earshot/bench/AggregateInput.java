package dev.earshot.bench;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.avro.Author;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.labels.Labeller;
import dev.earshot.labels.LabellerSettings;
import dev.earshot.schemas.PostKeys;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.views.View;
import dev.earshot.service.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;

/**
 * The aggregate benchmark's input: the bundled sample enriched once by the real labeller (the
 * enricher's configuration, as {@link EnrichRun} builds it), in event-time order, then replayed
 * back to back as many times as it takes to reach the requested number of posts, every copy with a
 * fresh id ({@code <id>-<n>}), keyed {@code platform:id} as enrich keys it.
 *
 * <p>Event time advances at {@code postsPerDay}: each replay keeps the sample's shape (its days,
 * its hours, the fraud wave) but is compressed to the time the sample's posts take at that rate,
 * and starts where the one before ended. The sample's own rate (about 800 posts a day) is far too
 * sparse for a replay at thousands of posts/s: one stream thread reads the input partitions
 * unevenly, a thousand records and more apart at times, which at the sample's rate is days of event
 * time, so the repartitioned posts of the slower partitions arrive after every window's grace and
 * go to aggregate.dlq (four dead letters a post, measured). The whole input lies in the past
 * (aggregate refuses posts dated in the future): it starts at the sample's first post, or earlier
 * if it would not end before now.
 *
 * <p>With {@code freshAuthors}, each replay has authors of its own ({@code <handle>_<replay>}), so
 * the distinct authors a window sees grow with the posts in it, as they do in a busy stream, and
 * the unique-author sketches are as large as they would be then; without, every replay has the
 * sample's authors (about 400).
 *
 * <p>It also states exactly what the input costs aggregate: store updates and repartition records
 * per post, from {@link AggregateTopology#cells} and the views' window sizes.
 */
final class AggregateInput {
  /** The sample's posts as enrich publishes them, in event-time order. */
  private final List<EnrichedPost> sample;

  private final Instant first;

  /** How far apart in event time two copies of the same sample post are, one replay apart. */
  private final Duration replaySpan;

  /** How much shorter a replay is than the sample. */
  private final double compression;

  private final boolean freshAuthors;

  private AggregateInput(List<EnrichedPost> sample, long postsPerDay, boolean freshAuthors) {
    this.sample = sample;
    this.first = sample.get(0).getPost().getCreatedAt();
    Instant last = sample.get(sample.size() - 1).getPost().getCreatedAt();
    this.replaySpan =
        Duration.ofMillis(
            Math.round(sample.size() * (double) Duration.ofDays(1).toMillis() / postsPerDay));
    this.compression = (double) Duration.between(first, last).toMillis() / replaySpan.toMillis();
    this.freshAuthors = freshAuthors;
  }

  /** Enriches the bundled sample with the enricher's own configuration. */
  static AggregateInput enrichSample(long postsPerDay, boolean freshAuthors) {
    ServiceConfig config = ServiceConfig.load("enrich", null, System.getenv(), Map.of());
    Labeller labeller =
        Labeller.create(
            LabellerSettings.from(key -> config.get(key, null)).withMaxTimePerPost(Duration.ZERO));
    List<EnrichedPost> enriched = new ArrayList<>();
    for (RawPost post : BenchPosts.load()) {
      enriched.add(labeller.enrich(post));
    }
    // Stable: posts of the same instant keep their file order.
    enriched.sort(Comparator.comparing(p -> p.getPost().getCreatedAt()));
    return new AggregateInput(enriched, postsPerDay, freshAuthors);
  }

  int sampleSize() {
    return sample.size();
  }

  Duration replaySpan() {
    return replaySpan;
  }

  double compression() {
    return compression;
  }

  /** How many replays {@code count} posts take. */
  int replays(int count) {
    return (count + sample.size() - 1) / sample.size();
  }

  /** Where an input of {@code count} posts starts: it ends before now. */
  Instant start(int count) {
    Instant latest =
        Instant.now().minus(Duration.ofHours(1)).minus(replaySpan.multipliedBy(replays(count)));
    return first.isBefore(latest) ? first : latest;
  }

  /** The {@code n}th post of an input that starts at {@code start} (0-based). */
  EnrichedPost post(int n, Instant start) {
    int replay = n / sample.size();
    EnrichedPost copy = EnrichedPost.newBuilder(sample.get(n % sample.size())).build();
    RawPost post = copy.getPost();
    long sinceFirst = Duration.between(first, post.getCreatedAt()).toMillis();
    post.setId(post.getId() + "-" + n);
    post.setCreatedAt(
        start
            .plus(replaySpan.multipliedBy(replay))
            .plusMillis(Math.round(sinceFirst / compression)));
    Author author = post.getAuthor();
    if (freshAuthors && author != null) {
      if (author.getId() != null) {
        author.setId(author.getId() + "-" + replay);
      }
      if (author.getHandle() != null) {
        author.setHandle(author.getHandle() + "_" + replay);
      }
    }
    return copy;
  }

  static String key(EnrichedPost post) {
    return PostKeys.of(post.getPost().getPlatform(), post.getPost().getId());
  }

  /**
   * Publishes {@code count} posts in order, the way enrich writes posts.enriched (Kafka Streams'
   * producer: no compression, keyed by post), idempotent, all acknowledged before it returns.
   */
  void publish(String bootstrap, TopicWithSerdes<String, EnrichedPost> topic, int count) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 100); // Kafka Streams' producer default
    Serializer<String> keys = topic.keySerde().serializer();
    Serializer<EnrichedPost> values = topic.valueSerde().serializer();
    Instant start = start(count);
    try (KafkaProducer<String, EnrichedPost> producer = new KafkaProducer<>(props, keys, values)) {
      for (int n = 0; n < count; n++) {
        EnrichedPost post = post(n, start);
        // No record time: the topic stamps it (LogAppendTime); event time is created_at.
        producer.send(new ProducerRecord<>(topic.name(), null, null, key(post), post));
      }
      producer.flush();
    }
  }

  /** What an input costs aggregate, per post, computed from the posts' cells. */
  record Cost(double storeUpdatesPerPost, double repartitionPerPost, Map<View, Double> perView) {}

  /**
   * For each post of the input, per view: its cells times the view's window sizes (one store update
   * per cell and size), and its cells (one repartition record each). Every replay has the sample's
   * labels, so the input's average is the sample's, weighted by how often each sample post is
   * published.
   */
  Cost cost(int count, ViewSettings settings) {
    Map<View, Long> updates = new HashMap<>();
    long repartition = 0;
    for (int i = 0; i < sample.size(); i++) {
      long copies = count / sample.size() + (i < count % sample.size() ? 1 : 0);
      EnrichedPost post = sample.get(i);
      for (KeyValue<String, ?> cell : AggregateTopology.cells(key(post), post)) {
        View view = viewOf(cell.key);
        updates.merge(view, copies * settings.of(view).size(), Long::sum);
        repartition += copies;
      }
    }
    Map<View, Double> perView = new EnumMap<>(View.class);
    long total = 0;
    for (View view : View.values()) {
      long u = updates.getOrDefault(view, 0L);
      perView.put(view, (double) u / count);
      total += u;
    }
    return new Cost((double) total / count, (double) repartition / count, perView);
  }

  /** The view of a cell key {@code view|label|...}. */
  private static View viewOf(String cellKey) {
    String id = cellKey.substring(0, cellKey.indexOf('|'));
    return Objects.requireNonNull(View.byId(id).orElse(null), id);
  }
}
