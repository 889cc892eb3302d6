package dev.earshot.tools.sample;

import java.util.List;
import java.util.Objects;

/**
 * Templates of one kind, by sentiment. A leading {@code ^} marks a template that needs a brand;
 * {@code {name}} is a placeholder (see {@code placeholders.yaml}).
 */
record Templates(List<String> positive, List<String> neutral, List<String> negative) {
  Templates {
    Objects.requireNonNull(positive, "positive");
    Objects.requireNonNull(neutral, "neutral");
    Objects.requireNonNull(negative, "negative");
  }

  List<String> of(Sentiment sentiment) {
    return switch (sentiment) {
      case POSITIVE -> positive;
      case NEUTRAL -> neutral;
      case NEGATIVE -> negative;
    };
  }

  List<List<String>> all() {
    return List.of(positive, neutral, negative);
  }
}
