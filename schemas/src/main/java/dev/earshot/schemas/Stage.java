package dev.earshot.schemas;

import java.util.Locale;

/**
 * The stages of the pipeline. Each has one name, used in its dead letters ({@link
 * DeadLetter#STAGE}) and in the stage tag of the dead-letter metric, and one dead-letter topic.
 */
public enum Stage {
  INGEST(Topics.INGEST_DLQ),
  ENRICH(Topics.ENRICH_DLQ),
  AGGREGATE(Topics.AGGREGATE_DLQ);

  private final String deadLetterTopic;

  Stage(String deadLetterTopic) {
    this.deadLetterTopic = deadLetterTopic;
  }

  /**
   * The stage's name in dead letters and metrics: {@code ingest}, {@code enrich}, {@code
   * aggregate}.
   */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  /** The stage named {@code tag}, e.g. from a dead letter's header. */
  public static Stage fromTag(String tag) {
    for (Stage stage : values()) {
      if (stage.tag().equals(tag)) {
        return stage;
      }
    }
    throw new IllegalArgumentException("no stage is called '" + tag + "'");
  }
}
