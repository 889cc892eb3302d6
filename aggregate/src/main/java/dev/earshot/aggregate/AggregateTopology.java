package dev.earshot.aggregate;

import dev.earshot.aggregate.alert.AlertSettings;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.Alert;
import dev.earshot.avro.CellPane;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostFacts;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.TopicWithSerdes;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.View;
import dev.earshot.service.CreatedAtTimestampExtractor;
import dev.earshot.service.PostContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * posts.enriched -> counted per cell of every view a post falls into and per pane, in memory, and
 * sent once per commit ({@link CellCombiner}), keyed by the cell -> repartitioned by cell -> per
 * view, event-time windows of each configured size in window stores (queryable) -> each window's
 * updates and final value to the view's output topics. Every operator and store is named, so
 * internal topics keep their names across versions.
 */
public final class AggregateTopology {
  public static final String SOURCE = "posts-enriched-source";
  public static final String CHECK = "check-post-contract";
  public static final String EXPLODE = "explode-cells";

  /** The repartition topic is {@code <application.id>-by-cell-repartition}. */
  public static final String GROUP = "by-cell";

  public static final String SPLIT = "split-by-view-";

  /** The operator counting a view. */
  public static String count(View view) {
    return "count-" + view.id();
  }

  public static String sink(View view) {
    return "sink-" + view.id();
  }

  /**
   * Records that break the post contract and posts whose windows have all closed are thrown out of
   * the topology and dead-lettered, as read, by the Streams processing-exception handler ({@code
   * dev.earshot.service.DeadLetterProcessingHandler}) to aggregate.dlq.
   *
   * <p>The topic and brand-topic views also judge each completed window for spikes and raise alerts
   * ({@link AlertSettings}).
   *
   * <p>Each post read goes to {@code postMetrics}: its age, its latency since ingest, and its
   * audience x topic cells.
   */
  public static Topology build(
      TopicWithSerdes<String, EnrichedPost> in,
      ViewSerdes serdes,
      ViewSettings settings,
      AlertSettings alerts,
      PostMetrics postMetrics) {
    StreamsBuilder builder = new StreamsBuilder();
    for (View view : View.values()) {
      builder.addStateStore(ViewStores.closedStore(view));
      builder.addStateStore(CommitHook.builder(ViewStores.commitHook(view)));
      for (WindowSpec spec : settings.of(view)) {
        builder.addStateStore(ViewStores.windowStore(view, spec, serdes.stats()));
      }
      if (AlertSettings.VIEWS.contains(view)) {
        builder.addStateStore(ViewStores.alertsStore(view, serdes.alerts()));
      }
    }
    builder.addStateStore(CommitHook.builder(ViewStores.COMBINE_COMMIT_HOOK));
    KStream<String, CellPane> cells =
        builder.stream(
                in.name(),
                Consumed.with(in.keySerde(), in.valueSerde())
                    .withTimestampExtractor(new CreatedAtTimestampExtractor())
                    .withName(SOURCE))
            // Keyed platform:id, dated after 1970: else to aggregate.dlq with the reason.
            .peek(
                (key, post) -> PostContract.check(key, post == null ? null : post.getPost()),
                Named.as(CHECK))
            .process(
                () -> new CellCombiner(settings, postMetrics),
                Named.as(EXPLODE),
                ViewStores.COMBINE_COMMIT_HOOK)
            .repartition(
                Repartitioned.<String, CellPane>as(GROUP)
                    .withKeySerde(Serdes.String())
                    .withValueSerde(serdes.panes()));
    // Each view adds its own cells' panes to its windows, after the one repartition.
    BranchedKStream<String, CellPane> byView = cells.split(Named.as(SPLIT));
    for (View view : View.values()) {
      String prefix = view.id() + "|";
      byView.branch(
          (key, post) -> key.startsWith(prefix),
          Branched.withConsumer(
              stream -> count(stream, view, settings, alerts, serdes), view.id()));
    }
    return builder.build();
  }

  /**
   * As above, measuring posts into a registry nobody reads (tests and benchmarks that do not look
   * at the metrics), so they still pay what the service pays per post.
   */
  public static Topology build(
      TopicWithSerdes<String, EnrichedPost> in,
      ViewSerdes serdes,
      ViewSettings settings,
      AlertSettings alerts) {
    return build(
        in,
        serdes,
        settings,
        alerts,
        new PostMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
  }

  private static void count(
      KStream<String, CellPane> cells,
      View view,
      ViewSettings settings,
      AlertSettings alerts,
      ViewSerdes serdes) {
    List<String> stores = new ArrayList<>();
    stores.add(ViewStores.closed(view));
    stores.add(ViewStores.commitHook(view));
    for (WindowSpec spec : settings.of(view)) {
      stores.add(ViewStores.windows(view, spec.size()));
    }
    AlertSettings judged = AlertSettings.VIEWS.contains(view) ? alerts : null;
    if (judged != null) {
      stores.add(ViewStores.alerts(view));
    }
    KStream<String, SpecificRecord> out =
        cells.process(
            () -> new ViewProcessor(view, settings.of(view), settings, judged),
            Named.as(count(view)),
            stores.toArray(String[]::new));
    out.flatMapValues(
            value -> value instanceof ViewWindow w ? List.of(w) : List.<ViewWindow>of(),
            Named.as("windows-" + view.id()))
        .to(
            ViewOutput.TOPIC,
            Produced.with(Serdes.String(), serdes.windows()).withName(sink(view)));
    if (judged != null) {
      out.flatMapValues(
              value -> value instanceof Alert a ? List.of(a) : List.<Alert>of(),
              Named.as("alerts-" + view.id()))
          .to(
              Topics.ALERTS,
              Produced.with(Serdes.String(), serdes.alerts()).withName("sink-alerts-" + view.id()));
    }
  }

  /** One record per cell of every view the post falls into, keyed {@code view|label|...}. */
  public static List<KeyValue<String, PostFacts>> cells(String postKey, EnrichedPost post) {
    PostFacts facts = PostFactsOf.of(postKey, post);
    List<KeyValue<String, PostFacts>> out = new ArrayList<>();
    for (View view : View.values()) {
      for (CellKey cell : cellsOf(view, post)) {
        out.add(KeyValue.pair(cell.encode(), facts));
      }
    }
    return out;
  }

  /** The cells of a view a post falls into: one per combination of its labels. */
  static List<CellKey> cellsOf(View view, EnrichedPost post) {
    List<List<String>> labels = new ArrayList<>();
    view.dimensions().forEach(d -> labels.add(d.of(post)));
    return CellKey.cells(view, labels);
  }

  private AggregateTopology() {}
}
