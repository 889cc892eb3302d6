package dev.earshot.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that makes a processor throw (e.g. CoreNLP on a pathological post) goes to the
 * dead-letter topic with its origin and the task stays RUNNING; an outage fails the thread so the
 * record is retried, never dropped.
 */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
  private MeterRegistry metrics;
  private String stage = "unknown";

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    if (configs.get(Metrics.REGISTRY_CONFIG_KEY) instanceof MeterRegistry registry) {
      metrics = registry;
    }
    Object appId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    if (appId != null) {
      stage = appId.toString();
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (Failures.isOutage(exception)) {
      log.error(
          "outage while processing {}-{}@{}: failing the thread to retry",
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
      return Response.fail();
    }
    Metrics.countDeadLetter(metrics, stage, "processing");
    return super.handleError(context, record, exception);
  }
}
