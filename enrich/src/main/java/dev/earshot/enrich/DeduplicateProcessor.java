package dev.earshot.enrich;

import dev.earshot.avro.RawPost;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops a post whose key (platform:id, checked by {@code PostContract} before this step) was
 * already seen, so replaying a file or a source that re-delivers posts does not double-count. A
 * post is identified by its key and its created_at: the window store is looked up at exactly that
 * event time, and remembers keys for the configured retention (older duplicates are not caught).
 */
final class DeduplicateProcessor implements FixedKeyProcessor<String, RawPost, RawPost> {
  static final String STORE = "seen-posts";

  private final Runnable onDuplicate;
  private WindowStore<String, Long> seen;
  private FixedKeyProcessorContext<String, RawPost> context;

  DeduplicateProcessor(Runnable onDuplicate) {
    this.onDuplicate = onDuplicate;
  }

  static StoreBuilder<WindowStore<String, Long>> store(Duration retention) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(STORE, retention, Duration.ofMillis(1), false),
        Serdes.String(),
        Serdes.Long());
  }

  @Override
  public void init(FixedKeyProcessorContext<String, RawPost> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, RawPost> record) {
    long eventTime = record.value().getCreatedAt().toEpochMilli();
    try (WindowStoreIterator<Long> it = seen.fetch(record.key(), eventTime, eventTime)) {
      if (it.hasNext()) {
        onDuplicate.run();
        return;
      }
    }
    seen.put(record.key(), eventTime, eventTime);
    context.forward(record);
  }
}
