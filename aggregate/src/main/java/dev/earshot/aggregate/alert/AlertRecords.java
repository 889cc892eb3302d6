package dev.earshot.aggregate.alert;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.aggregate.cell.CellKey;
import dev.earshot.avro.Alert;
import dev.earshot.schemas.views.Dimension;
import java.time.Instant;

/** An {@link Alert} with its evidence, from a verdict on one window of one cell. */
final class AlertRecords {
  private AlertRecords() {}

  static Alert of(
      String id,
      CellKey key,
      long start,
      long size,
      int baselineWindows,
      Cell cell,
      Judge.Verdict verdict,
      long streamTime) {
    return Alert.newBuilder()
        .setId(id)
        .setKind(verdict.kind().id())
        .setSeverity(verdict.severity().id())
        .setView(key.view().id())
        .setTopic(key.label(Dimension.TOPIC))
        .setBrand(key.label(Dimension.BRAND))
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(start + size))
        .setValue(verdict.value())
        .setBaseline(verdict.baseline())
        .setZ(verdict.z())
        .setPosts(cell.posts())
        .setNegative(cell.negative())
        .setBaselineWindows(baselineWindows)
        .setExamplePosts(cell.examples(verdict.kind() == Judge.Kind.NEGATIVE_SHARE))
        .setRaisedAt(Instant.ofEpochMilli(streamTime))
        .build();
  }
}
