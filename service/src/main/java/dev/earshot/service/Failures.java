package dev.earshot.service;

import dev.earshot.schemas.registry.SchemaRegistryUnavailableException;
import org.apache.kafka.common.errors.RetriableException;

/** Tells an outage (retry later) from bad input (dead-letter it). */
public final class Failures {
  /** True if anything in the cause chain is a registry outage or a retriable Kafka error. */
  public static boolean isOutage(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SchemaRegistryUnavailableException || c instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }

  private Failures() {}
}
