package dev.earshot.aggregate;

import dev.earshot.avro.Alert;
import dev.earshot.avro.CellStats;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The names and builders of the views' state stores, in one place: their changelog topics are named
 * after them ({@code earshot-aggregate-<store>-changelog}), so a name must never change.
 */
public final class ViewStores {
  /** The {@link CommitHook} of the task that counts posts into panes. */
  public static final String COMBINE_COMMIT_HOOK = "combine-commit-hook";

  /** A view's windows of one size: cell key -> {@link CellStats}, queryable. */
  public static String windows(View view, WindowSize size) {
    return view.id() + "-" + size.token();
  }

  /** Per window size of a view, the end of the last window whose final record was sent. */
  public static String closed(View view) {
    return view.id() + "-closed";
  }

  /** A judged view's alerts ({@code dev.earshot.aggregate.alert.AlertKeys}), queryable. */
  public static String alerts(View view) {
    return view.id() + "-alerts";
  }

  static StoreBuilder<KeyValueStore<String, Alert>> alertsStore(View view, Serde<Alert> alerts) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(alerts(view)), Serdes.String(), alerts);
  }

  /** A view's {@link CommitHook}: no data, no changelog. */
  static String commitHook(View view) {
    return view.id() + "-commit-hook";
  }

  static StoreBuilder<WindowStore<String, CellStats>> windowStore(
      View view, WindowSpec spec, Serde<CellStats> stats) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(
            windows(view, spec.size()), spec.retention(), spec.size().duration(), false),
        Serdes.String(),
        stats);
  }

  static StoreBuilder<KeyValueStore<String, Long>> closedStore(View view) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(closed(view)), Serdes.String(), Serdes.Long());
  }

  private ViewStores() {}
}
