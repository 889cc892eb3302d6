package dev.earshot.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the off-heap memory of every RocksDB store of a Kafka Streams instance, the way Kafka's
 * documentation does it ("Memory management", "RocksDB"): all stores share one LRU block cache,
 * which also holds their index and filter blocks, and one write buffer manager that charges their
 * memtables to that same cache. Without it each store (each segment of a window store) has its own
 * 50 MB cache and up to three 16 MB memtables, so memory grows with partitions, views and window
 * sizes, outside the heap, where only the container's limit sees it.
 *
 * <p>{@code rocksdb.memory.bytes} is the total for block cache, index and filter blocks and
 * memtables; {@code rocksdb.write.buffer.share} the part of it memtables may take before they are
 * flushed. Kafka Streams creates this class by name, so the settings reach it through the Streams
 * configuration ({@link #streamsSettings} puts them there), and the shared cache is found by
 * application id: several apps in one JVM (the local stack) each get their own budget.
 *
 * <p>The cache's capacity is not strict: with a strict limit RocksDB fails a read or an iteration
 * that needs a block while the cache is full of pinned blocks, and a failed read stops the stream
 * thread; unpinned blocks are evicted either way, so the cache only goes over its capacity by the
 * blocks iterators hold at that moment.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  private static final Logger log = LoggerFactory.getLogger(BoundedRocksDbMemory.class);

  /** Total off-heap bytes of the instance's stores; absent or 0: Kafka Streams' own defaults. */
  public static final String MEMORY_BYTES = "rocksdb.memory.bytes";

  /** The share of {@link #MEMORY_BYTES} memtables may take, in (0, 1). */
  public static final String WRITE_BUFFER_SHARE = "rocksdb.write.buffer.share";

  static final double DEFAULT_WRITE_BUFFER_SHARE = 0.5;

  /** Kept for index and filter blocks (high priority), so data blocks cannot evict them. */
  static final double INDEX_FILTER_SHARE = 0.1;

  private static final ConcurrentMap<Budget, Shared> SHARED = new ConcurrentHashMap<>();

  /**
   * The Streams settings that install this class with the service's budget, checked here so that a
   * bad value fails at start, naming the key; empty when {@code rocksdb.memory.bytes} is absent or
   * 0.
   */
  public static Map<String, Object> streamsSettings(ServiceConfig config) {
    long bytes = parseBytes(config.get(MEMORY_BYTES, "0"));
    if (bytes == 0) {
      return Map.of();
    }
    double share =
        parseShare(config.get(WRITE_BUFFER_SHARE, String.valueOf(DEFAULT_WRITE_BUFFER_SHARE)));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    settings.put(MEMORY_BYTES, String.valueOf(bytes));
    settings.put(WRITE_BUFFER_SHARE, String.valueOf(share));
    return settings;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Shared shared = SHARED.computeIfAbsent(Budget.of(configs), Shared::create);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    // The top level of partitioned indexes and filters stays in the cache: evicting it would make
    // every read fetch it again.
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(shared.writeBuffers());
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing per store: the cache and the write buffer manager are shared by every store of the
    // instance and live as long as the JVM (a store closed in a rebalance opens again later).
  }

  /** The cache shared under this budget, for tests; null before a store asked for it. */
  static Cache sharedCache(Budget budget) {
    Shared shared = SHARED.get(budget);
    return shared == null ? null : shared.cache();
  }

  /** The write buffer manager shared under this budget, for tests. */
  static WriteBufferManager sharedWriteBuffers(Budget budget) {
    Shared shared = SHARED.get(budget);
    return shared == null ? null : shared.writeBuffers();
  }

  private static long parseBytes(String value) {
    long bytes;
    try {
      bytes = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      bytes = -1;
    }
    if (bytes < 0) {
      throw new IllegalArgumentException(
          MEMORY_BYTES + " must be a whole number of bytes >= 0, was '" + value + "'");
    }
    return bytes;
  }

  private static double parseShare(String value) {
    double share;
    try {
      share = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      share = Double.NaN;
    }
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException(
          WRITE_BUFFER_SHARE + " must be a fraction between 0 and 1, was '" + value + "'");
    }
    return share;
  }

  /** One instance's memory: its application id, total bytes and memtables' share. */
  record Budget(String applicationId, long bytes, double writeBufferShare) {
    static Budget of(Map<String, Object> configs) {
      return new Budget(
          String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG)),
          parseBytes(String.valueOf(configs.get(MEMORY_BYTES))),
          parseShare(String.valueOf(configs.get(WRITE_BUFFER_SHARE))));
    }

    long writeBufferBytes() {
      return (long) (bytes * writeBufferShare);
    }
  }

  private record Shared(Cache cache, WriteBufferManager writeBuffers) {
    static Shared create(Budget budget) {
      RocksDB.loadLibrary();
      // -1: RocksDB picks the number of shards for the capacity; false: not strict (see above).
      Cache cache = new LRUCache(budget.bytes(), -1, false, INDEX_FILTER_SHARE);
      WriteBufferManager writeBuffers = new WriteBufferManager(budget.writeBufferBytes(), cache);
      log.info(
          "{}: RocksDB stores share {} MB (block cache, index and filter blocks, and memtables up"
              + " to {} MB)",
          budget.applicationId(),
          budget.bytes() >> 20,
          budget.writeBufferBytes() >> 20);
      return new Shared(cache, writeBuffers);
    }
  }
}
