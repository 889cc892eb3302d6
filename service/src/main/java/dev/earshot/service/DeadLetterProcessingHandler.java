package dev.earshot.service;

import java.util.Map;
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
  private DeadLetterCounter deadLetters = DeadLetterCounter.from(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    deadLetters = DeadLetterCounter.from(configs);
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
    if (Failures.isRegistryRefusal(exception)) {
      // The registry refused the schema of what this app writes: every record would fail the
      // same way. Stop loudly rather than dead-letter good posts.
      log.error(
          "the schema registry refused this app's output schema at {}-{}@{}: stopping",
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
      return Response.fail();
    }
    deadLetters.count(exception instanceof InvalidRecordException ? "invalid" : "processing");
    return super.handleError(context, record, exception);
  }
}
