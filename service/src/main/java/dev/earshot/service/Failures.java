package dev.earshot.service;

import dev.earshot.schemas.registry.SchemaRegistryException;
import dev.earshot.schemas.registry.SchemaRegistryUnavailableException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.errors.RetriableException;

/** Tells an outage (retry later) from bad input (dead-letter it). */
public final class Failures {
  /** True if anything in the cause chain is a registry outage or a retriable Kafka error. */
  public static boolean isOutage(Throwable t) {
    return anyCause(
        t, c -> c instanceof SchemaRegistryUnavailableException || c instanceof RetriableException);
  }

  /**
   * True if the schema registry refused something (an incompatible schema, an unknown subject):
   * while a Streams app writes its own output that is a deployment problem, not bad input.
   */
  public static boolean isRegistryRefusal(Throwable t) {
    return anyCause(t, c -> c instanceof SchemaRegistryException);
  }

  private static boolean anyCause(Throwable t, Predicate<Throwable> matches) {
    // A cause chain may be a cycle (a.initCause(b); b.initCause(a)): visit each throwable once.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (matches.test(c)) {
        return true;
      }
    }
    return false;
  }

  private Failures() {}
}
