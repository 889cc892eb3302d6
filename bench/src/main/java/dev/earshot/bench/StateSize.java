package dev.earshot.bench;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.ViewSerdes;
import dev.earshot.aggregate.ViewSettings;
import dev.earshot.aggregate.ViewStores;
import dev.earshot.aggregate.WindowSpec;
import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.avro.CellStats;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.schemas.PipelineTopics;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.registry.InMemorySchemaRegistryClient;
import dev.earshot.schemas.serde.SerdeConfig;
import dev.earshot.schemas.views.View;
import dev.earshot.service.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The state aggregate keeps, counted: a stream of posts at a given rate through the whole aggregate
 * topology (shipped settings) on the TopologyTestDriver, then every window of every view and size
 * read back and serialized as the stores and changelogs hold it. Prints windows and bytes per view
 * and size, and what that makes at steady state: each size keeps retention / size window starts,
 * each with as many bytes as the starts seen had on average (for a size longer than the run, its
 * windows are partial, so the figure is low until the sketches saturate).
 *
 * <pre>
 * StateSize sample          the bundled sample as it is (about 800 posts a day, five days)
 * StateSize &lt;posts/day&gt; &lt;days&gt;  the sample replayed at that rate for that many days
 * </pre>
 */
public final class StateSize {
  public static void main(String[] args) throws Exception {
    boolean sample = args.length == 0 || args[0].equals("sample");
    long perDay = sample ? 0 : Long.parseLong(args[0]);
    double days = sample ? 5 : Double.parseDouble(args[1]);
    // The sample at its own rate: about 800 posts a day.
    AggregateInput input = AggregateInput.enrichSample(sample ? 800 : perDay, !sample);
    int count = sample ? input.sampleSize() : (int) Math.round(perDay * days);
    Instant start = input.start(count);
    ServiceConfig config = ServiceConfig.load("aggregate", null, System.getenv(), Map.of());
    ViewSettings views = ViewSettings.read(config::get);
    PipelineTopics topics =
        new PipelineTopics(new InMemorySchemaRegistryClient(), SerdeConfig.DEFAULT);
    Path state = Files.createTempDirectory("earshot-state-size");
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            AggregateTopology.build(
                topics.enrichedPosts(),
                ViewSerdes.of(topics),
                views,
                AlertSettings.read(config::get, views::sizes)),
            props(state))) {
      TopicWithSerdes<String, EnrichedPost> in = topics.enrichedPosts();
      TestInputTopic<String, EnrichedPost> posts =
          driver.createInputTopic(
              in.name(), in.keySerde().serializer(), in.valueSerde().serializer());
      for (int n = 0; n < count; n++) {
        EnrichedPost post = input.post(n, start);
        posts.pipeInput(AggregateInput.key(post), post, post.getPost().getCreatedAt());
        if (n % 1_000 == 999) {
          drain(driver);
        }
      }
      System.out.printf(
          "%,d posts (%s), shipped window sizes and retention%n",
          count,
          sample ? "the bundled sample" : String.format("%,d a day for %s days", perDay, days));
      report(driver, views, topics);
    }
  }

  private static void report(TopologyTestDriver driver, ViewSettings views, PipelineTopics topics) {
    var serializer = topics.avro(CellStats.class).serializer();
    long totalBytes = 0;
    long steadyBytes = 0;
    System.out.printf(
        "%-17s %-4s %10s %12s %10s %16s%n",
        "view", "size", "windows", "bytes", "per window", "steady state");
    for (View view : View.values()) {
      for (WindowSpec spec : views.of(view)) {
        WindowStore<String, CellStats> store =
            driver.getWindowStore(ViewStores.windows(view, spec.size()));
        long windows = 0;
        long bytes = 0;
        Set<Long> starts = new HashSet<>();
        try (KeyValueIterator<Windowed<String>, CellStats> it = store.all()) {
          while (it.hasNext()) {
            KeyValue<Windowed<String>, CellStats> window = it.next();
            windows++;
            starts.add(window.key.window().start());
            bytes += window.key.key().length() + 8 + serializer.serialize("x", window.value).length;
          }
        }
        // At steady state a size keeps retention / size window starts, each with as many cells
        // and bytes as the starts seen here had on average.
        double retained = spec.retention().toMillis() / (double) spec.size().millis();
        double steady = starts.isEmpty() ? 0 : (double) bytes / starts.size() * retained;
        totalBytes += bytes;
        steadyBytes += (long) steady;
        System.out.printf(
            "%-17s %-4s %,10d %,12d %,10d %,13.0f MB%n",
            view.id(),
            spec.size(),
            windows,
            bytes,
            windows == 0 ? 0 : bytes / windows,
            steady / 1e6);
      }
    }
    System.out.printf(
        "total: %,.1f MB now; at steady state (each size kept for its retention) %,.0f MB%n",
        totalBytes / 1e6, steadyBytes / 1e6);
  }

  /**
   * The driver keeps every record the topology produced (changelogs included) until read: drop
   * them, or a long run fills the heap.
   */
  private static void drain(TopologyTestDriver driver) {
    for (String topic : driver.producedTopicNames()) {
      driver
          .createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
          .readRecordsToList();
    }
  }

  private static Properties props(Path state) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "state-size");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    return props;
  }

  private StateSize() {}
}
