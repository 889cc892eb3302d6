package dev.earshot.labels;

import java.util.Locale;

/** Who decides a label family ({@code enrich.topics}, {@code enrich.routing}). */
public enum ModelOrRules {
  /** A trained model, beside the taxonomy's rules. */
  MODEL,
  /** The taxonomy's rules alone. */
  RULES;

  /**
   * @param key the setting, named in the error
   */
  public static ModelOrRules parse(String key, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "model" -> MODEL;
      case "rules" -> RULES;
      default ->
          throw new IllegalArgumentException(key + " must be model or rules, was '" + value + "'");
    };
  }
}
