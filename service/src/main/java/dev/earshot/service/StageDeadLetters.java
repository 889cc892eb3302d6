package dev.earshot.service;

import dev.earshot.schemas.DeadLetter;
import dev.earshot.schemas.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the dead-letter handlers take from the Streams configuration they are given (the app's
 * {@link Stage} and meter registry), and the one way they make a dead letter: counted, and built by
 * {@link DeadLetter#of}.
 */
final class StageDeadLetters {
  private final Stage stage;
  private final MeterRegistry metrics;

  private StageDeadLetters(Stage stage, MeterRegistry metrics) {
    this.stage = stage;
    this.metrics = metrics;
  }

  /** Fails without a stage: a dead letter must name its stage, and the stage names the topic. */
  static StageDeadLetters from(Map<String, ?> configs) {
    Object value = configs.get(StreamsService.STAGE_CONFIG_KEY);
    Stage stage;
    if (value instanceof Stage s) {
      stage = s;
    } else if (value instanceof String tag) {
      stage = Stage.fromTag(tag);
    } else {
      throw new ConfigException(
          StreamsService.STAGE_CONFIG_KEY,
          value,
          "the app's stage (a dev.earshot.schemas.Stage or its tag), as StreamsService.properties"
              + " sets it");
    }
    MeterRegistry metrics =
        configs.get(Metrics.REGISTRY_CONFIG_KEY) instanceof MeterRegistry registry
            ? registry
            : null;
    return new StageDeadLetters(stage, metrics);
  }

  /**
   * Counts one dead letter and returns it, for a handler's response.
   *
   * @param topic the source topic, or null when there is no source record (a punctuation)
   */
  List<ProducerRecord<byte[], byte[]>> deadLetter(
      String reason,
      String message,
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value) {
    DeadLetter.Builder dead = DeadLetter.of(stage, reason, message).key(key).value(value);
    if (topic == null) {
      dead.origin("no source record");
    } else {
      dead.source(topic, partition, offset);
    }
    ProducerRecord<byte[], byte[]> record = dead.build();
    Metrics.countDeadLetter(metrics, stage, DeadLetter.reasonTag(reason));
    return List.of(record);
  }

  /** The exception and, if it wraps another, the innermost: usually the one that says why. */
  static String describe(Throwable exception) {
    Throwable root = Failures.rootCause(exception);
    return root == exception ? exception.toString() : exception + "; caused by " + root;
  }
}
