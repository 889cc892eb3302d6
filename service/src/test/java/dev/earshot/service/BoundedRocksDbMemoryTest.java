package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.service.BoundedRocksDbMemory.Budget;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * The setter on real RocksDB options and a real RocksDB (the JNI library ships in rocksdbjni, a
 * dependency of kafka-streams), set up as Kafka Streams' RocksDBStore sets them up before it calls
 * the setter: a table config whose cache can be read back, and a cache of its own.
 */
class BoundedRocksDbMemoryTest {
  private static final long MB = 1 << 20;

  static {
    RocksDB.loadLibrary();
  }

  @Test
  void theSettingsInstallTheSetterWithTheServicesBudget() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                BoundedRocksDbMemory.MEMORY_BYTES, "268435456",
                BoundedRocksDbMemory.WRITE_BUFFER_SHARE, "0.25"));

    assertThat(BoundedRocksDbMemory.streamsSettings(config))
        .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class)
        .containsEntry(BoundedRocksDbMemory.MEMORY_BYTES, "268435456")
        .containsEntry(BoundedRocksDbMemory.WRITE_BUFFER_SHARE, "0.25");
  }

  @Test
  void noBudgetOrZeroLeavesKafkaStreamsDefaults() {
    assertThat(BoundedRocksDbMemory.streamsSettings(ServiceConfig.of(Map.of()))).isEmpty();
    assertThat(
            BoundedRocksDbMemory.streamsSettings(
                ServiceConfig.of(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "0"))))
        .isEmpty();
  }

  @Test
  void aBadValueIsRefusedAtStartNamingItsKey() {
    assertThatThrownBy(
            () ->
                BoundedRocksDbMemory.streamsSettings(
                    ServiceConfig.of(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "256MB"))))
        .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES)
        .hasMessageContaining("256MB");
    assertThatThrownBy(
            () ->
                BoundedRocksDbMemory.streamsSettings(
                    ServiceConfig.of(
                        Map.of(
                            BoundedRocksDbMemory.MEMORY_BYTES, "1000",
                            BoundedRocksDbMemory.WRITE_BUFFER_SHARE, "1.5"))))
        .hasMessageContaining(BoundedRocksDbMemory.WRITE_BUFFER_SHARE);
  }

  @Test
  void everyStoreOfAnInstanceSharesOneCacheAndOneWriteBufferManager() {
    Map<String, Object> configs = streamsConfigs("app-shared", 64 * MB, 0.5);
    Budget budget = Budget.of(configs);
    try (Options first = streamsDefaults();
        Options second = streamsDefaults()) {
      new BoundedRocksDbMemory().setConfig("store-a", first, configs);
      new BoundedRocksDbMemory().setConfig("store-b.1700000000000", second, configs);

      Cache shared = BoundedRocksDbMemory.sharedCache(budget);
      assertThat(shared).isNotNull();
      for (Options options : new Options[] {first, second}) {
        BlockBasedTableConfigWithAccessibleCache table =
            (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
        assertThat(table.blockCache()).isSameAs(shared);
        assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
        assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
        assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        assertThat(options.writeBufferManager())
            .isSameAs(BoundedRocksDbMemory.sharedWriteBuffers(budget));
      }
    }
    assertThat(budget.writeBufferBytes()).isEqualTo(32 * MB);
  }

  @Test
  void anotherApplicationInTheSameJvmHasABudgetOfItsOwn() {
    Map<String, Object> enrich = streamsConfigs("app-enrich", 16 * MB, 0.5);
    Map<String, Object> aggregate = streamsConfigs("app-aggregate", 32 * MB, 0.5);
    try (Options a = streamsDefaults();
        Options b = streamsDefaults()) {
      new BoundedRocksDbMemory().setConfig("dedupe", a, enrich);
      new BoundedRocksDbMemory().setConfig("views", b, aggregate);
    }
    assertThat(BoundedRocksDbMemory.sharedCache(Budget.of(enrich)))
        .isNotNull()
        .isNotSameAs(BoundedRocksDbMemory.sharedCache(Budget.of(aggregate)));
  }

  /**
   * Writes that stay in the memtable (no flush, so no block is cached yet) show in the shared
   * cache's usage: the write buffer manager charges memtables to that very cache.
   */
  @Test
  void aRealRocksDbChargesItsMemtablesAndBlocksToTheSharedCache(@TempDir Path dir)
      throws Exception {
    Map<String, Object> configs = streamsConfigs("app-real-db", 64 * MB, 0.5);
    try (Options options = streamsDefaults().setCreateIfMissing(true)) {
      new BoundedRocksDbMemory().setConfig("counts", options, configs);
      Cache shared = BoundedRocksDbMemory.sharedCache(Budget.of(configs));
      long before = shared.getUsage();
      byte[] value = new byte[1024];
      int posts = 4096;
      try (RocksDB db = RocksDB.open(options, dir.toString())) {
        for (int i = 0; i < posts; i++) {
          db.put(("key-" + i).getBytes(), value);
        }
        // At least the values written (4 MiB): without the write buffer manager it stays near 0.
        assertThat(shared.getUsage() - before).isGreaterThanOrEqualTo((long) posts * value.length);

        db.compactRange(); // flushes the memtable into a table file first
        assertThat(db.get("key-7".getBytes())).hasSize(1024);
        // The read went through the shared block cache (data, index and filter blocks).
        assertThat(shared.getUsage()).isPositive();
        assertThat(shared.getUsage()).isLessThanOrEqualTo(64 * MB);
      }
    }
  }

  /** What Kafka Streams hands the setter besides its own settings: the service's keys. */
  private static Map<String, Object> streamsConfigs(
      String applicationId, long bytes, double share) {
    Map<String, Object> configs = new HashMap<>();
    configs.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    configs.put(BoundedRocksDbMemory.MEMORY_BYTES, String.valueOf(bytes));
    configs.put(BoundedRocksDbMemory.WRITE_BUFFER_SHARE, String.valueOf(share));
    return configs;
  }

  /** Options as RocksDBStore prepares them before calling the setter. */
  private static Options streamsDefaults() {
    BlockBasedTableConfig table = new BlockBasedTableConfigWithAccessibleCache();
    table.setBlockCache(new LRUCache(50 * MB));
    return new Options().setTableFormatConfig(table);
  }
}
