package dev.earshot.service;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unreadable records go to the dead-letter topic (Kafka Streams builds the record, with the source
 * topic, partition, offset and exception in headers) and processing goes on. A registry outage is
 * not bad input: the thread fails instead, so that it retries from the last commit rather than
 * dead-lettering good records.
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  private DeadLetterCounter deadLetters = DeadLetterCounter.from(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    deadLetters = DeadLetterCounter.from(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (Failures.isOutage(exception)) {
      log.error(
          "schema registry unavailable reading {}-{}@{}: stalling, not dead-lettering",
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
      return Response.fail();
    }
    deadLetters.count("deserialization");
    return super.handleError(context, record, exception);
  }
}
