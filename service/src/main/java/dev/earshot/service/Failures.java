package dev.earshot.service;

import dev.earshot.schemas.registry.SchemaRegistryException;
import dev.earshot.schemas.registry.SchemaRegistryUnavailableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.rocksdb.RocksDBException;

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

  /**
   * True if the instance could not read or write its local state (a full disk, a store's I/O error,
   * a store closed under it): the record is not at fault, and dead-lettering it would drop a good
   * record for as long as the disk stays full. Only the state stores' own exceptions count: a plain
   * IOException may be a malformed record's (an Avro decoder's EOFException), which one bad record
   * must not turn into a stopped stage.
   */
  public static boolean isLocalStateFailure(Throwable t) {
    return anyCause(
        t,
        c ->
            c instanceof ProcessorStateException
                || c instanceof InvalidStateStoreException
                || c instanceof RocksDBException);
  }

  /** The innermost cause: usually the one that says why. */
  public static Throwable rootCause(Throwable t) {
    List<Throwable> chain = causes(t);
    return chain.get(chain.size() - 1);
  }

  private static boolean anyCause(Throwable t, Predicate<Throwable> matches) {
    return causes(t).stream().anyMatch(matches);
  }

  /** The throwable and its causes, outermost first, each once. */
  private static List<Throwable> causes(Throwable t) {
    // A cause chain may be a cycle (a.initCause(b); b.initCause(a)): visit each throwable once.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      chain.add(c);
    }
    return chain;
  }

  private Failures() {}
}
