package dev.earshot.service;

/**
 * A record that is readable but breaks the topic's contract (no key, a key that is not the post's
 * {@code platform:id}, an event time before 1970). Thrown by a stage's first step, it sends the
 * record to the stage's dead-letter topic with this message, counted under reason {@code invalid}.
 */
public final class InvalidRecordException extends RuntimeException {
  public InvalidRecordException(String message) {
    super(message, null, false, false);
  }
}
