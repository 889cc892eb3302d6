package dev.earshot.service;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that makes a processor throw (e.g. CoreNLP on a pathological post) goes to the stage's
 * dead-letter topic as a {@link dev.earshot.schemas.DeadLetter} (reason {@code processing}, the
 * source record's bytes as read) and the task stays RUNNING. A {@link RejectedRecordException} is a
 * refusal on purpose and is dead-lettered under its own reason ({@code invalid}, {@code late}). An
 * outage fails the thread so the record is retried, never dropped.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
  private StageDeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = StageDeadLetters.from(configs);
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
    String reason;
    String message;
    if (exception instanceof RejectedRecordException rejected) {
      reason = rejected.reason();
      message = rejected.getMessage();
      if (!"late".equals(reason)) {
        // Late records are not logged one by one: a backfill can make thousands, and each is
        // counted in the metric and kept in the dead-letter topic.
        log.warn(
            "dead-lettering {}-{}@{}: {}",
            context.topic(),
            context.partition(),
            context.offset(),
            message);
      }
    } else {
      reason = "processing";
      message = StageDeadLetters.describe(exception);
      log.warn(
          "dead-lettering {}-{}@{}: processing failed",
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
    }
    // The source record as read from Kafka, not the record in hand: that is what can be replayed.
    return Response.resume(
        deadLetters.deadLetter(
            reason,
            message,
            context.topic(),
            context.partition(),
            context.offset(),
            context.sourceRawKey(),
            context.sourceRawValue()));
  }
}
