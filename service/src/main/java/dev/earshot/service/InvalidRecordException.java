package dev.earshot.service;

/**
 * A record that is readable but breaks the topic's contract (no key, a key that is not the post's
 * {@code platform:id}, an event time before 1970). Thrown by a stage's first step, it sends the
 * record to the stage's dead-letter topic with this message, under reason {@code invalid}.
 */
public final class InvalidRecordException extends RejectedRecordException {
  public InvalidRecordException(String message) {
    super("invalid", message);
  }
}
