package dev.earshot.aggregate.query;

import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.AudienceTopicKey;
import dev.earshot.aggregate.SentimentCounting;
import dev.earshot.avro.SentimentCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries (IQv2) over the audience x topic window store of this instance. Answers are
 * only given while the instance is RUNNING and every local partition answered; otherwise the answer
 * is {@link Answer.Unavailable}, never a silently partial number.
 *
 * <p>Not yet done: routing to other instances. With several instances of the aggregate app a key
 * may live elsewhere; see the README's "scaling out" note.
 */
public final class AudienceTopicQueries {
  private final KafkaStreams streams;
  private final String self;

  public AudienceTopicQueries(KafkaStreams streams, String self) {
    this.streams = streams;
    this.self = self;
  }

  /** Windows of one cell whose start lies in [from, to). */
  public Answer<CellSeries> cell(AudienceTopicKey key, Instant from, Instant to) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return new Answer.Unavailable<>("aggregate is " + streams.state() + ", try again shortly");
    }
    StateQueryResult<WindowStoreIterator<Object>> result =
        streams.query(
            StateQueryRequest.inStore(AggregateTopology.STORE)
                .withQuery(
                    WindowKeyQuery.<String, Object>withKeyAndWindowStartRange(
                        key.encode(), from, to.minusMillis(1))));
    Map<Instant, SentimentCounts> byStart = new TreeMap<>();
    for (Map.Entry<Integer, QueryResult<WindowStoreIterator<Object>>> partition :
        result.getPartitionResults().entrySet()) {
      QueryResult<WindowStoreIterator<Object>> r = partition.getValue();
      if (r.isFailure()) {
        return failed(partition.getKey(), r);
      }
      try (WindowStoreIterator<Object> it = r.getResult()) {
        while (it.hasNext()) {
          KeyValue<Long, Object> next = it.next();
          byStart.merge(
              Instant.ofEpochMilli(next.key), unwrap(next.value), SentimentCounting::merge);
        }
      }
    }
    SentimentCounts total = SentimentCounting.empty();
    List<CellSeries.WindowCounts> windows = new ArrayList<>();
    for (Map.Entry<Instant, SentimentCounts> e : byStart.entrySet()) {
      total = SentimentCounting.merge(total, e.getValue());
      windows.add(
          new CellSeries.WindowCounts(
              e.getKey(), e.getKey().plus(AggregateTopology.WINDOW), Counts.of(e.getValue())));
    }
    return new Answer.Found<>(
        new CellSeries(key.audience(), key.topic(), from, to, Counts.of(total), windows),
        List.of(self));
  }

  /** Every cell with windows starting in [from, to), largest first. */
  public Answer<List<CellTotals>> allCells(Instant from, Instant to) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return new Answer.Unavailable<>("aggregate is " + streams.state() + ", try again shortly");
    }
    StateQueryResult<KeyValueIterator<Windowed<String>, Object>> result =
        streams.query(
            StateQueryRequest.inStore(AggregateTopology.STORE)
                .withQuery(
                    WindowRangeQuery.<String, Object>withWindowStartRange(
                        from, to.minusMillis(1))));
    Map<String, SentimentCounts> byCell = new TreeMap<>();
    for (Map.Entry<Integer, QueryResult<KeyValueIterator<Windowed<String>, Object>>> partition :
        result.getPartitionResults().entrySet()) {
      QueryResult<KeyValueIterator<Windowed<String>, Object>> r = partition.getValue();
      if (r.isFailure()) {
        return failed(partition.getKey(), r);
      }
      try (KeyValueIterator<Windowed<String>, Object> it = r.getResult()) {
        while (it.hasNext()) {
          KeyValue<Windowed<String>, Object> next = it.next();
          byCell.merge(next.key.key(), unwrap(next.value), SentimentCounting::merge);
        }
      }
    }
    List<CellTotals> cells = new ArrayList<>();
    byCell.forEach(
        (k, counts) -> {
          AudienceTopicKey key = AudienceTopicKey.decode(k);
          cells.add(new CellTotals(key.audience(), key.topic(), Counts.of(counts)));
        });
    cells.sort(
        Comparator.comparingLong((CellTotals c) -> c.totals().posts())
            .reversed()
            .thenComparing(CellTotals::audience)
            .thenComparing(CellTotals::topic));
    return new Answer.Found<>(cells, List.of(self));
  }

  private static <T> Answer<T> failed(int partition, QueryResult<?> r) {
    return new Answer.Unavailable<>(
        "partition "
            + partition
            + " could not answer: "
            + r.getFailureReason()
            + " "
            + r.getFailureMessage());
  }

  /** DSL window stores are timestamped; IQv2 may hand back the value with its timestamp. */
  private static SentimentCounts unwrap(Object value) {
    if (value instanceof ValueAndTimestamp<?> vt) {
      return (SentimentCounts) vt.value();
    }
    return (SentimentCounts) value;
  }
}
