package dev.earshot.aggregate;

import dev.earshot.avro.Alert;
import dev.earshot.avro.CellPane;
import dev.earshot.avro.CellStats;
import dev.earshot.avro.ViewWindow;
import dev.earshot.schemas.PipelineTopics;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes the aggregate topology needs besides its input's.
 *
 * @param panes the repartition topic's
 * @param stats the window stores'
 * @param windows the views' output topics'
 * @param alerts the alerts topic's and the alerts stores'
 */
public record ViewSerdes(
    Serde<CellPane> panes, Serde<CellStats> stats, Serde<ViewWindow> windows, Serde<Alert> alerts) {
  /** Avro through the schema registry, as the service runs. */
  public static ViewSerdes of(PipelineTopics topics) {
    return new ViewSerdes(
        topics.avro(CellPane.class),
        topics.avro(CellStats.class),
        topics.viewWindows(),
        topics.alerts().valueSerde());
  }
}
