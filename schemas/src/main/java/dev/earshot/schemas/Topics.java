package dev.earshot.schemas;

import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic earshot reads or writes, in one place. Internal Kafka Streams topics are derived from
 * the (named) operators and application ids and are not listed here.
 */
public final class Topics {
  /** Validated posts from ingest, keyed by {@link PostKeys#of(String, String)}. */
  public static final String POSTS_RAW = "posts.raw";

  /** Posts with sentiment, audience, topic and brand labels; same key as posts.raw. */
  public static final String POSTS_ENRICHED = "posts.enriched";

  /** Input ingest refused, as a {@link DeadLetter}: the bytes as received, why in headers. */
  public static final String INGEST_DLQ = "ingest.dlq";

  /** Records enrich could not read or label, as a {@link DeadLetter}. */
  public static final String ENRICH_DLQ = "enrich.dlq";

  /** Records aggregate could not read or count (late ones too), as a {@link DeadLetter}. */
  public static final String AGGREGATE_DLQ = "aggregate.dlq";

  /**
   * Versions of the taxonomy, keyed by taxonomy name, compacted, one partition: every enricher
   * reads all of it and follows the latest valid version.
   */
  public static final String TAXONOMY = "taxonomy";

  /**
   * Early warnings ({@code Alert}), keyed by the spike's id: one record when a spike starts, and
   * one more under the same id if it grows to a higher severity. Compacted: the latest word on
   * every spike stays.
   */
  public static final String ALERTS = "alerts";

  /**
   * One record per closed window of a view's cell ({@code ViewWindow}, {@code closed} true), sent
   * once when the window's grace has passed: for stores that append (Druid, Pinot, files).
   */
  public static String viewFinal(View view, WindowSize size) {
    return "aggregates." + view.id() + "." + size.token() + ".final";
  }

  /**
   * The latest value of each window of a view's cell as it changes ({@code ViewWindow}), keyed per
   * cell and window, compacted and time-bounded: for stores that upsert on the key.
   */
  public static String viewUpdates(View view, WindowSize size) {
    return "aggregates." + view.id() + "." + size.token() + ".updates";
  }

  /** How a topic's old records go. */
  public enum Cleanup {
    /** Events: deleted by time (posts, dead letters, final windows). */
    DELETE("delete"),
    /** The latest value per key, kept forever (taxonomy versions). */
    COMPACT("compact"),
    /** The latest value per key, and nothing older than the retention time (window updates). */
    COMPACT_DELETE("compact,delete");

    private final String policy;

    Cleanup(String policy) {
      this.policy = policy;
    }

    /** The topic's {@code cleanup.policy}. */
    public String policy() {
      return policy;
    }

    /** Whether old records are deleted by time (then counted from when Kafka received them). */
    public boolean deletesByTime() {
      return this != COMPACT;
    }
  }

  /**
   * What a topic needs when it is created.
   *
   * @param partitions a fixed partition count, or 0 for the configured default
   */
  public record Spec(String name, Cleanup cleanup, int partitions) {
    Spec(String name, Cleanup cleanup) {
      this(name, cleanup, 0);
    }

    public boolean compacted() {
      return cleanup != Cleanup.DELETE;
    }
  }

  /** Every topic, with the views' output topics for their default window sizes. */
  public static List<Spec> all() {
    Map<View, List<WindowSize>> defaults = new EnumMap<>(View.class);
    for (View view : View.values()) {
      defaults.put(view, WindowSize.DEFAULTS);
    }
    return all(defaults);
  }

  /**
   * Every topic, with the views' output topics for the window sizes each view counts (as aggregate
   * is configured: {@code aggregate.windows}, {@code aggregate.view.<view>.windows}).
   */
  public static List<Spec> all(Map<View, List<WindowSize>> sizes) {
    List<Spec> all = new ArrayList<>();
    all.add(new Spec(POSTS_RAW, Cleanup.DELETE));
    all.add(new Spec(POSTS_ENRICHED, Cleanup.DELETE));
    all.add(new Spec(INGEST_DLQ, Cleanup.DELETE));
    all.add(new Spec(ENRICH_DLQ, Cleanup.DELETE));
    all.add(new Spec(AGGREGATE_DLQ, Cleanup.DELETE));
    all.add(new Spec(TAXONOMY, Cleanup.COMPACT, 1));
    all.add(new Spec(ALERTS, Cleanup.COMPACT));
    for (View view : View.values()) {
      for (WindowSize size : sizes.get(view)) {
        all.add(new Spec(viewFinal(view, size), Cleanup.DELETE));
        all.add(new Spec(viewUpdates(view, size), Cleanup.COMPACT_DELETE));
      }
    }
    return List.copyOf(all);
  }

  private Topics() {}
}
