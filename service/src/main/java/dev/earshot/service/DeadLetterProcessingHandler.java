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
 * outage, or local state that cannot be written (a full disk), fails the thread so the record is
 * retried, never dropped.
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
    String stop = notTheRecordsFault(exception);
    if (stop != null) {
      log.error(
          "{} at {}-{}@{}",
          stop,
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

  /**
   * Why a failure is not the record's fault, so that the thread fails and the record is processed
   * again from the last commit instead of being dead-lettered; null if it may be the record's.
   */
  private static String notTheRecordsFault(Exception exception) {
    if (Failures.isOutage(exception)) {
      return "outage: failing the thread to retry";
    }
    if (Failures.isLocalStateFailure(exception)) {
      // A full or failing disk: every record would fail the same way. Health turns 503.
      return "cannot write the local state (disk full?): stopping";
    }
    if (Failures.isRegistryRefusal(exception)) {
      // Writing our own output with a schema the registry refuses is a deployment problem: every
      // record would fail the same way.
      return "the schema registry refused this app's output schema: stopping";
    }
    return null;
  }
}
