package dev.earshot.service;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unreadable records go to the stage's dead-letter topic as a {@link
 * dev.earshot.schemas.DeadLetter} (reason {@code deserialization}, the bytes as read) and
 * processing goes on. A registry outage is not bad input: the thread fails instead, so that it
 * retries from the last commit rather than dead-lettering good records.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  private StageDeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = StageDeadLetters.from(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (Failures.isOutage(exception)) {
      log.error(
          "schema registry unavailable reading {}-{}@{}: stalling, not dead-lettering",
          record.topic(),
          record.partition(),
          record.offset(),
          exception);
      return Response.fail();
    }
    log.warn(
        "dead-lettering unreadable record {}-{}@{}",
        record.topic(),
        record.partition(),
        record.offset(),
        exception);
    return Response.resume(
        deadLetters.deadLetter(
            "deserialization",
            StageDeadLetters.describe(exception),
            record.topic(),
            record.partition(),
            record.offset(),
            record.key(),
            record.value()));
  }
}
