package dev.earshot.tools.sample;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The tone of a post, as the data files spell it: positive, neutral, negative. */
enum Sentiment {
  POSITIVE,
  NEUTRAL,
  NEGATIVE;

  @JsonValue
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
