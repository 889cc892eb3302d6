package dev.earshot.aggregate.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.service.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The instances of the aggregate app and how to ask them: this one through its own stores, the
 * others over HTTP for their local answers. Any instance that cannot answer makes the whole answer
 * {@link Answer.Unavailable}, never a silently partial one.
 */
final class Instances {
  private final KafkaStreams streams;
  private final HostInfo self;
  private final PeerClient peers;

  Instances(KafkaStreams streams, HostInfo self, PeerClient peers) {
    this.streams = streams;
    this.self = self;
    this.peers = peers;
  }

  KafkaStreams streams() {
    return streams;
  }

  HostInfo self() {
    return self;
  }

  boolean running() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * Every instance's local answer for a store: this one's from {@code local}, the others' from
   * {@code peerPath} (its JSON {@code result} array, read as {@code type}), in one list.
   */
  <T> Answer<List<T>> everyInstance(
      String store, Supplier<Answer<List<T>>> local, String peerPath, Class<T> type) {
    if (!running()) {
      return notRunning();
    }
    Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(store);
    if (instances.isEmpty()) {
      return new Answer.Unavailable<>("no instance hosts " + store + " yet (starting?)");
    }
    List<T> all = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    for (StreamsMetadata instance : instances) {
      Answer<List<T>> part =
          self.equals(instance.hostInfo())
              ? local.get()
              : fromPeer(instance.hostInfo(), peerPath, type);
      if (part instanceof Answer.Unavailable<List<T>> unavailable) {
        return new Answer.Unavailable<>(unavailable.reason());
      }
      all.addAll(((Answer.Found<List<T>>) part).value());
      answered.add(name(instance.hostInfo()));
    }
    return new Answer.Found<>(all, answered);
  }

  /** Another instance's local answer: its JSON {@code result} array, read as {@code type}. */
  <T> Answer<List<T>> fromPeer(HostInfo peer, String path, Class<T> type) {
    try {
      JsonNode answer = peers.get(peer, path);
      List<T> values = new ArrayList<>();
      for (JsonNode value : answer.path("result")) {
        values.add(Json.MAPPER.treeToValue(value, type));
      }
      return new Answer.Found<>(values, List.of(name(peer)));
    } catch (PeerClient.PeerException | JsonProcessingException e) {
      return new Answer.Unavailable<>(name(peer) + ": " + e.getMessage());
    }
  }

  /**
   * Runs a query on this instance's active stores (standby replicas hold copies: counting them
   * would count twice) and hands every entry of every partition to {@code each}, its value without
   * a timestamp; returns why a partition could not answer, or null.
   *
   * @param valueType what the store holds
   */
  <K, V, I extends KeyValueIterator<K, Object>> String readLocal(
      String store, Query<I> query, Class<V> valueType, BiConsumer<K, V> each) {
    return readLocal(
        StateQueryRequest.inStore(store).withQuery(query).requireActive(), valueType, each);
  }

  /**
   * The same for one partition: a key lives in one, and asking the others costs a read of every
   * segment of their stores for nothing. A partition this instance does not host actively fails the
   * answer rather than reading as empty.
   */
  <K, V, I extends KeyValueIterator<K, Object>> String readLocal(
      String store, int partition, Query<I> query, Class<V> valueType, BiConsumer<K, V> each) {
    return readLocal(
        StateQueryRequest.inStore(store)
            .withQuery(query)
            .withPartitions(Set.of(partition))
            .requireActive(),
        valueType,
        each);
  }

  private <K, V, I extends KeyValueIterator<K, Object>> String readLocal(
      StateQueryRequest<I> request, Class<V> valueType, BiConsumer<K, V> each) {
    StateQueryResult<I> result = streams.query(request);
    for (Map.Entry<Integer, QueryResult<I>> partition : result.getPartitionResults().entrySet()) {
      QueryResult<I> r = partition.getValue();
      if (r.isFailure()) {
        return "partition "
            + partition.getKey()
            + " could not answer: "
            + r.getFailureReason()
            + " "
            + r.getFailureMessage();
      }
      try (I it = r.getResult()) {
        while (it.hasNext()) {
          KeyValue<K, Object> next = it.next();
          Object value = next.value instanceof ValueAndTimestamp<?> vt ? vt.value() : next.value;
          each.accept(next.key, valueType.cast(value));
        }
      }
    }
    return null;
  }

  /** What this instance found, as an answer naming it. */
  <T> Answer<T> found(T value) {
    return new Answer.Found<>(value, List.of(name(self)));
  }

  <T> Answer<T> notRunning() {
    return new Answer.Unavailable<>("aggregate is " + streams.state() + ", try again shortly");
  }

  static String name(HostInfo host) {
    return host.host() + ":" + host.port();
  }
}
