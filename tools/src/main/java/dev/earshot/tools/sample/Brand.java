package dev.earshot.tools.sample;

import com.fasterxml.jackson.annotation.JsonValue;

/** The three fictional card brands; how people write their names is in {@code brands.yaml}. */
enum Brand {
  ACME("acme"),
  GLOBEX("globex"),
  INITECH("initech");

  @JsonValue final String label;

  Brand(String label) {
    this.label = label;
  }
}
