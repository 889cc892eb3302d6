package dev.earshot.aggregate;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.CellPane;
import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.PostFacts;
import dev.earshot.schemas.views.View;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * Before the repartition: counts each post into the cells of every view it falls into, per pane, in
 * memory, and sends each (cell, pane) once per commit as a {@link CellPane}, so the repartition
 * topic carries a few records per cell and second instead of one per cell and post.
 *
 * <p>A post too late for every window of a view (against this task's stream time) is counted in the
 * other views and then thrown out as {@link LateRecordException}: dead-lettered once, as read from
 * posts.enriched.
 *
 * <p>The panes are sent when Streams flushes caches before a commit ({@link CommitHook}), inside
 * the transaction, as Streams' own record cache forwards a KTable's changes; forwarding then needs
 * the processor's node and a record context set, through the same internal interface the cache
 * uses.
 */
final class CellCombiner implements Processor<String, EnrichedPost, String, CellPane> {
  private final ViewSettings settings;
  private final PostMetrics postMetrics;
  private final Map<View, Long> paneSizes = new EnumMap<>(View.class);
  private final Map<PaneKey, Counted> buffered = new LinkedHashMap<>();
  private ProcessorContext<String, CellPane> context;
  private ProcessorNode<?, ?, ?, ?> node;

  private record PaneKey(String cell, long start) {}

  /** The posts of one cell and pane counted since the last commit, and their latest time. */
  private static final class Counted {
    final Cell cell = Cell.empty();
    long latest = Long.MIN_VALUE;
  }

  CellCombiner(ViewSettings settings, PostMetrics postMetrics) {
    this.settings = settings;
    this.postMetrics = postMetrics;
    for (View view : View.values()) {
      paneSizes.put(view, settings.paneMillis(view));
    }
  }

  @Override
  public void init(ProcessorContext<String, CellPane> context) {
    this.context = context;
    this.node = ((InternalProcessorContext<?, ?>) context).currentNode();
    CommitHook hook = context.getStateStore(ViewStores.COMBINE_COMMIT_HOOK);
    hook.beforeCommit(this::sendPanes);
  }

  @Override
  public void process(Record<String, EnrichedPost> record) {
    // Every post read, late ones too: the first step after the post contract, so created_at is set.
    postMetrics.record(record.value().getPost());
    long timestamp = record.timestamp();
    long streamTime = Math.max(context.currentStreamTimeMs(), timestamp);
    PostFacts facts = PostFactsOf.of(record.key(), record.value());
    View missed = null;
    for (View view : View.values()) {
      List<WindowSpec> specs = settings.of(view);
      if (!Lateness.anyOpen(specs, timestamp, streamTime)) {
        missed = missed == null ? view : missed;
        continue;
      }
      long pane = paneSizes.get(view);
      long start = timestamp - Math.floorMod(timestamp, pane);
      for (CellKey cell : AggregateTopology.cellsOf(view, record.value())) {
        String key = cell.encode();
        Counted counted = buffered.computeIfAbsent(new PaneKey(key, start), k -> new Counted());
        counted.cell.add(facts);
        counted.latest = Math.max(counted.latest, timestamp);
        if (view == View.AUDIENCE_TOPIC) {
          postMetrics.counted(cell, key, facts.getSentiment());
        }
      }
    }
    if (missed != null) {
      throw Lateness.late(
          "post " + record.key(), missed, settings.of(missed), timestamp, streamTime);
    }
  }

  /** Sends every buffered pane downstream; runs right before the task commits. */
  private void sendPanes() {
    if (buffered.isEmpty()) {
      return;
    }
    @SuppressWarnings("unchecked")
    InternalProcessorContext<String, CellPane> internal =
        (InternalProcessorContext<String, CellPane>) context;
    ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
    ProcessorRecordContext previousRecord = internal.recordContext();
    internal.setCurrentNode(node);
    try {
      for (Map.Entry<PaneKey, Counted> pane : buffered.entrySet()) {
        long latest = pane.getValue().latest;
        internal.setRecordContext(
            new ProcessorRecordContext(latest, -1, -1, null, new RecordHeaders()));
        CellPane value =
            new CellPane(
                Instant.ofEpochMilli(pane.getKey().start()), pane.getValue().cell.toStats());
        context.forward(new Record<>(pane.getKey().cell(), value, latest));
      }
    } finally {
      internal.setCurrentNode(previousNode);
      internal.setRecordContext(previousRecord);
      buffered.clear();
    }
  }
}
