package dev.earshot.aggregate;

import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store without data that runs an action right before each commit of its task: Kafka
 * Streams flushes every store's cache before it commits (under exactly-once, inside the
 * transaction), and this store's "cache" is a processor's buffer of cells counted since the last
 * commit. So a cell is deserialized and serialized once per commit, not once per post, and what the
 * commit covers is always in the logged window stores. This is how Streams' own record cache works,
 * through the same (internal) interface; it has been stable since Kafka 1.0, and the pipeline's
 * restart and SIGKILL tests fail if it stops being called.
 */
final class CommitHook implements StateStore, CachedStateStore<Object, Object> {
  private final String name;
  private Runnable beforeCommit = () -> {};
  private boolean open;

  CommitHook(String name) {
    this.name = name;
  }

  /** What runs before each commit (and before a clean close). */
  void beforeCommit(Runnable action) {
    this.beforeCommit = action;
  }

  @Override
  public void flushCache() {
    beforeCommit.run();
  }

  @Override
  public void clearCache() {}

  @Override
  public boolean setFlushListener(
      CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> {});
    open = true;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  static StoreBuilder<CommitHook> builder(String name) {
    return new StoreBuilder<>() {
      @Override
      public StoreBuilder<CommitHook> withCachingEnabled() {
        return this;
      }

      @Override
      public StoreBuilder<CommitHook> withCachingDisabled() {
        return this;
      }

      @Override
      public StoreBuilder<CommitHook> withLoggingEnabled(Map<String, String> config) {
        return this;
      }

      @Override
      public StoreBuilder<CommitHook> withLoggingDisabled() {
        return this;
      }

      @Override
      public CommitHook build() {
        return new CommitHook(name);
      }

      @Override
      public Map<String, String> logConfig() {
        return Map.of();
      }

      @Override
      public boolean loggingEnabled() {
        return false;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
