package dev.earshot.aggregate.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.aggregate.AggregateTopology;
import dev.earshot.aggregate.AudienceTopicKey;
import dev.earshot.aggregate.SentimentCounting;
import dev.earshot.avro.SentimentCounts;
import dev.earshot.service.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.WindowKeyQuery;
import org.apache.kafka.streams.query.WindowRangeQuery;
import org.apache.kafka.streams.state.HostInfo;
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
  /** Where peers serve the local-only answers ({@code scope=local}). */
  public static final String PATH = "/api/v1/audience-topics";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final PeerClient peers;

  public AudienceTopicQueries(KafkaStreams streams, HostInfo self, PeerClient peers) {
    this.streams = streams;
    this.self = self;
    this.peers = peers;
  }

  /** Windows of one cell whose start lies in [from, to), from whichever instance owns it. */
  public Answer<CellSeries> cell(AudienceTopicKey key, Instant from, Instant to) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return notRunning();
    }
    KeyQueryMetadata owner =
        streams.queryMetadataForKey(
            AggregateTopology.STORE, key.encode(), Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      return new Answer.Unavailable<>("no instance owns " + key.encode() + " yet (rebalancing?)");
    }
    if (self.equals(owner.activeHost())) {
      return localCell(key, from, to);
    }
    String path =
        PATH + "/" + key.audience() + "/" + key.topic() + "?scope=local&from=" + from + "&to=" + to;
    try {
      JsonNode answer = peers.get(owner.activeHost(), path);
      return new Answer.Found<>(
          Json.MAPPER.treeToValue(answer.path("result"), CellSeries.class),
          List.of(name(owner.activeHost())));
    } catch (PeerClient.PeerException | JsonProcessingException e) {
      return new Answer.Unavailable<>("the owner of " + key.encode() + ": " + e.getMessage());
    }
  }

  /** Every cell over [from, to), merged from the local answers of every instance. */
  public Answer<List<CellTotals>> allCells(Instant from, Instant to) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return notRunning();
    }
    Collection<StreamsMetadata> instances =
        streams.streamsMetadataForStore(AggregateTopology.STORE);
    if (instances.isEmpty()) {
      return new Answer.Unavailable<>("no instance hosts the store yet (starting?)");
    }
    Map<String, SentimentCounts> merged = new TreeMap<>();
    List<String> answered = new ArrayList<>();
    for (StreamsMetadata instance : instances) {
      List<CellTotals> part;
      if (self.equals(instance.hostInfo())) {
        Answer<List<CellTotals>> local = localCells(from, to);
        if (local instanceof Answer.Unavailable<List<CellTotals>> unavailable) {
          return unavailable;
        }
        part = ((Answer.Found<List<CellTotals>>) local).value();
      } else {
        try {
          JsonNode answer =
              peers.get(instance.hostInfo(), PATH + "?scope=local&from=" + from + "&to=" + to);
          part = new ArrayList<>();
          for (JsonNode cell : answer.path("result")) {
            part.add(Json.MAPPER.treeToValue(cell, CellTotals.class));
          }
        } catch (PeerClient.PeerException | JsonProcessingException e) {
          return new Answer.Unavailable<>(e.getMessage());
        }
      }
      for (CellTotals cell : part) {
        merged.merge(
            new AudienceTopicKey(cell.audience(), cell.topic()).encode(),
            cell.totals().toSentimentCounts(),
            SentimentCounting::merge);
      }
      answered.add(name(instance.hostInfo()));
    }
    return new Answer.Found<>(sorted(merged), answered);
  }

  private <T> Answer<T> notRunning() {
    return new Answer.Unavailable<>("aggregate is " + streams.state() + ", try again shortly");
  }

  private static String name(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  /** Windows of one cell whose start lies in [from, to), from this instance's stores only. */
  public Answer<CellSeries> localCell(AudienceTopicKey key, Instant from, Instant to) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return notRunning();
    }
    StateQueryResult<WindowStoreIterator<Object>> result =
        streams.query(
            StateQueryRequest.inStore(AggregateTopology.STORE)
                .withQuery(
                    WindowKeyQuery.<String, Object>withKeyAndWindowStartRange(
                        key.encode(), from, to.minusMillis(1)))
                .requireActive());
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
        List.of(name(self)));
  }

  /** Every cell with windows starting in [from, to), from this instance's stores only. */
  public Answer<List<CellTotals>> localCells(Instant from, Instant to) {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return notRunning();
    }
    StateQueryResult<KeyValueIterator<Windowed<String>, Object>> result =
        streams.query(
            StateQueryRequest.inStore(AggregateTopology.STORE)
                .withQuery(
                    WindowRangeQuery.<String, Object>withWindowStartRange(from, to.minusMillis(1)))
                // Standby replicas hold copies: counting them would count twice.
                .requireActive());
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
    return new Answer.Found<>(sorted(byCell), List.of(name(self)));
  }

  /** Cells largest first, then by audience and topic. */
  private static List<CellTotals> sorted(Map<String, SentimentCounts> byCell) {
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
    return cells;
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
