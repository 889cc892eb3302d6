package dev.earshot.service;

import dev.earshot.schemas.Stage;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * One of earshot's Kafka Streams apps, as {@link StreamAppRunner} needs to know it: its stage
 * (which names it and its dead-letter topic), its topology and its HTTP routes. Everything else
 * (configuration, registry, Streams lifecycle, {@code /health} {@code /ready} {@code /metrics},
 * command line, shutdown) is the runner's, the same for every app.
 */
public interface StreamApp {
  /** The stage this app runs: its dead letters, their topic and their metric tag. */
  Stage stage();

  /**
   * The stage's name ({@code enrich}, {@code aggregate}): names its bundled configuration ({@code
   * <name>.properties}), its metrics' {@code service} tag, its command and its log lines.
   */
  default String name() {
    return stage().tag();
  }

  /**
   * Builds the topology. May add Streams properties to {@link StreamAppContext#streamsProperties}
   * and register what it opens with {@link StreamAppContext#closeWithApp}.
   */
  Topology topology(StreamAppContext context);

  /**
   * Whether the app does its job while Kafka Streams rebalances, so {@code /ready} stays 200 then.
   * Yes for an app that only processes (the partitions it keeps go on); no for one that answers
   * queries from its stores, which cannot while their partitions move.
   */
  default boolean readyWhileRebalancing() {
    return true;
  }

  /**
   * Adds the app's own routes (and protects them) on the service's HTTP server, before it starts.
   * The Streams client exists but has not started yet.
   */
  default void routes(StreamAppContext context, KafkaStreams streams, ServiceHttp http) {}
}
