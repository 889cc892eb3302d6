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
  private final KafkaStreamsMetrics streamsMetrics;
  private volatile Throwable lastError;

  public StreamsService(String name, Topology topology, Properties props, MeterRegistry metrics) {
    this.name = name;
    log.info("{} topology:\n{}", name, topology.describe());
    this.streams = new KafkaStreams(topology, props);
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(metrics);
    streams.setStateListener((now, before) -> log.info("{} state {} -> {}", name, before, now));
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
    props.putAll(config.withPrefix(ServiceConfig.KAFKA_PREFIX));
    props.put(Metrics.REGISTRY_CONFIG_KEY, metrics);
    props.put(STAGE_CONFIG_KEY, stage);
    return props;
  }

  public StreamsService start() {
    streams.start();
    return this;
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("service", name);
    status.put("state", streams.state().toString());
    if (lastError != null) {
      status.put("lastError", lastError.toString());
    }
    return status;
  }

  @Override
  public void close() {
    // Leave the group on close: otherwise a restarted instance waits for the old member's
    // session to time out (45 s) before it gets its partitions back.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
    streamsMetrics.close();
  }
}
