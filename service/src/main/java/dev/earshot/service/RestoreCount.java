package dev.earshot.service;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * How many store partitions are being restored from their changelogs right now: a service that is
 * alive but not ready says why in its status ({@code restoring_partitions}).
 */
final class RestoreCount implements StateRestoreListener {
  private final AtomicInteger restoring;

  RestoreCount(AtomicInteger restoring) {
    this.restoring = restoring;
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String store, long startingOffset, long endingOffset) {
    restoring.incrementAndGet();
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String store, long batchEndOffset, long numRestored) {}

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    restoring.decrementAndGet();
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    restoring.decrementAndGet(); // the partition moved to another instance mid-restore
  }
}
