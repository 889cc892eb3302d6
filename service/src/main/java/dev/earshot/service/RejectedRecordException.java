package dev.earshot.service;

/**
 * A record a stage refuses on purpose (it breaks the topic's contract, its window has closed).
 * Thrown from a processor, it makes {@link DeadLetterProcessingHandler} send the record to the
 * stage's dead-letter topic under {@link #reason()}, with this message, and go on. No stack trace:
 * the message says all, and a backfill may refuse many records.
 */
public class RejectedRecordException extends RuntimeException {
  private final String reason;

  /**
   * @param reason the dead letter's reason and the metric's tag: one short word
   */
  protected RejectedRecordException(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
