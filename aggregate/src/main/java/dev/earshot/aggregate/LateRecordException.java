package dev.earshot.aggregate;

import dev.earshot.service.RejectedRecordException;

/**
 * A post whose windows have all closed. Thrown by {@link ViewProcessor}, it makes the
 * processing-exception handler dead-letter the record as read (reason {@code late}) inside the
 * task's transaction, like every other dead letter of the stage.
 */
final class LateRecordException extends RejectedRecordException {
  LateRecordException(String message) {
    super("late", message);
  }
}
