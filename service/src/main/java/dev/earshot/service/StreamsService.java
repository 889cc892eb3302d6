package dev.earshot.service;

import dev.earshot.schemas.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one Kafka Streams application, in one place: settings shared by all earshot
 * apps, the uncaught-exception policy, the state listener behind readiness, metrics, close.
 */
public final class StreamsService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamsService.class);

  /**
   * Key under which {@link #properties} hands the {@link Stage} to the dead-letter handlers (which
   * Kafka Streams creates by class name): it names the dead letters' stage and the metric's tag.
   */
  public static final String STAGE_CONFIG_KEY = "earshot.stage";

  private final String name;
  private final KafkaStreams streams;
  private final UncleanShutdownGuard uncleanShutdown;
  private final KafkaStreamsMetrics streamsMetrics;
  private volatile Throwable lastError;
  private final java.util.concurrent.atomic.AtomicInteger restoring =
      new java.util.concurrent.atomic.AtomicInteger();

  public StreamsService(String name, Topology topology, Properties props, MeterRegistry metrics) {
    this.name = name;
    log.info("{} topology:\n{}", name, topology.describe());
    this.streams = new KafkaStreams(topology, props);
    this.uncleanShutdown = UncleanShutdownGuard.of(props);
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(metrics);
    StreamsStateGauge.register(metrics, streams::state);
    streams.setStateListener((now, before) -> log.info("{} state {} -> {}", name, before, now));
    streams.setGlobalStateRestoreListener(new RestoreCount(restoring));
    streams.setUncaughtExceptionHandler(
        e -> {
          lastError = e;
          if (Failures.isOutage(e)) {
            // Registry or broker outage: restart the thread from the last commit; it stalls
            // (loudly) until the dependency is back and loses nothing.
            log.error("{}: outage, replacing stream thread", name, e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          }
          log.error("{}: unexpected failure, shutting down this instance", name, e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
  }

  /**
   * Settings every earshot Streams app shares, then the service's {@code kafka.*} keys, which win.
   * The stage is handed to the dead-letter handlers: it names their topic and the stage in dead
   * letters and metrics.
   */
  public static Properties properties(ServiceConfig config, Stage stage, MeterRegistry metrics) {
    Properties props = new Properties();
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // No errors.dead.letter.queue.topic.name: earshot's handlers address the stage's dead-letter
    // topic themselves (DeadLetter.of). Set, it would also make Streams' default production-error
    // handler write dead letters of Streams' own shape, without earshot's headers (visible when
    // the transaction is not aborted, e.g. with at_least_once).
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    // Opt in now to what Kafka 5.0 makes the default (and silence its start-up warning).
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // RocksDB's off-heap memory bounded by rocksdb.memory.bytes (a kafka.rocksdb.config.setter
    // of the service's own wins).
    props.putAll(BoundedRocksDbMemory.streamsSettings(config));
    props.putAll(config.withPrefix(ServiceConfig.KAFKA_PREFIX));
    props.put(Metrics.REGISTRY_CONFIG_KEY, metrics);
    props.put(STAGE_CONFIG_KEY, stage);
    return props;
  }

  public StreamsService start() {
    uncleanShutdown.beforeStart(streams);
    streams.start();
    return this;
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * Whether this instance can still do its job without a restart: not when Kafka Streams shut the
   * client down after an error, nor when every stream thread has died.
   */
  public boolean isAlive() {
    return alive(streams.state(), this::liveThreads);
  }

  /**
   * Kafka Streams' own meaning of ready: RUNNING, or REBALANCING when the app keeps working through
   * a rebalance ({@code duringRebalance}; an app answering queries from its stores does not).
   */
  public boolean isReady(boolean duringRebalance) {
    return ready(streams.state(), duringRebalance);
  }

  /** The threads are only asked for while they should be working. */
  static boolean alive(KafkaStreams.State state, java.util.function.IntSupplier liveThreads) {
    return switch (state) {
      case ERROR, PENDING_ERROR, PENDING_SHUTDOWN, NOT_RUNNING -> false;
      case CREATED -> true; // starting
      case REBALANCING, RUNNING -> liveThreads.getAsInt() > 0;
    };
  }

  static boolean ready(KafkaStreams.State state, boolean duringRebalance) {
    return state == KafkaStreams.State.RUNNING
        || (duringRebalance && state == KafkaStreams.State.REBALANCING);
  }

  private int liveThreads() {
    int live = 0;
    for (var thread : streams.metadataForLocalThreads()) {
      if (!"DEAD".equals(thread.threadState())) {
        live++;
      }
    }
    return live;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("service", name);
    status.put("state", streams.state().toString());
    status.put("restoring_partitions", restoring.get());
    if (lastError != null) {
      status.put("lastError", lastError.toString());
    }
    return status;
  }

  @Override
  public void close() {
    // Leave the group on close: otherwise a restarted instance waits for the old member's
    // session to time out (45 s) before it gets its partitions back.
    boolean failed =
        streams.state() == KafkaStreams.State.ERROR
            || streams.state() == KafkaStreams.State.PENDING_ERROR;
    boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    if (closed && !failed) {
      uncleanShutdown.closedCleanly();
    }
    streamsMetrics.close();
  }
}
