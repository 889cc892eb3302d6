package dev.earshot.aggregate;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.aggregate.cell.Sketches;
import dev.earshot.avro.TopItem;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.Dimension;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * The records of the views' output topics: their keys, their flat {@link ViewWindow} values, and
 * which topic each goes to (a header the processor sets and the sink reads).
 */
final class ViewOutput {
  /** The header naming a record's output topic. */
  static final String TOPIC_HEADER = "earshot.view.topic";

  /** Sends each record to the topic its header names. */
  static final TopicNameExtractor<String, ViewWindow> TOPIC =
      (key, value, context) ->
          new String(context.headers().lastHeader(TOPIC_HEADER).value(), StandardCharsets.UTF_8);

  /** {@code label|label|window start}: one key per cell and window, for upserts. */
  static String key(String cellKey, long start) {
    return cellKey.substring(cellKey.indexOf('|') + 1) + "|" + Instant.ofEpochMilli(start);
  }

  static Headers topicHeader(View view, WindowSize size, boolean finalTopic) {
    String topic = finalTopic ? Topics.viewFinal(view, size) : Topics.viewUpdates(view, size);
    return new RecordHeaders().add(TOPIC_HEADER, topic.getBytes(StandardCharsets.UTF_8));
  }

  static ViewWindow window(CellKey key, long start, long size, boolean closed, Cell cell) {
    Sketches.Estimate authors = cell.uniqueAuthors();
    return ViewWindow.newBuilder()
        .setView(key.view().id())
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(start + size))
        .setClosed(closed)
        .setAudience(key.label(Dimension.AUDIENCE))
        .setTopic(key.label(Dimension.TOPIC))
        .setBrand(key.label(Dimension.BRAND))
        .setDepartment(key.label(Dimension.DEPARTMENT))
        .setStage(key.label(Dimension.STAGE))
        .setPosts(cell.posts())
        .setPositive(cell.positive())
        .setNeutral(cell.neutral())
        .setNegative(cell.negative())
        .setScoreSum(cell.scoreSum())
        .setLikes(cell.likes())
        .setShares(cell.shares())
        .setReplies(cell.replies())
        .setViews(cell.views())
        .setReach(cell.reach())
        .setUniqueAuthors(authors.estimate())
        .setUniqueAuthorsLow(authors.low())
        .setUniqueAuthorsHigh(authors.high())
        .setTopAuthors(items(cell.topAuthors(Sketches.TOP_ITEMS)))
        .setTopHashtags(items(cell.topHashtags(Sketches.TOP_ITEMS)))
        .build();
  }

  private static List<TopItem> items(List<Sketches.TopItem> top) {
    return top.stream().map(t -> new TopItem(t.item(), t.estimate(), t.maxError())).toList();
  }

  private ViewOutput() {}
}
