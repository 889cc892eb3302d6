package dev.earshot.tools.sample;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who writes: the six audiences of the default taxonomy (same labels), and people who give no
 * audience cue at all. Each has a number of authors, a share of the root posts, the share of its
 * authors whose bio gives the audience away, and its weights over {@link Topic} (in that order).
 */
enum Persona {
  COLLEGE("college-students", 80, 0.18, 0.45, 0, 0, 1, 3, 0, 8, 2, 1, 3, 7, 70, 5),
  NEWLYWED("newlyweds", 55, 0.15, 0.40, 60, 0, 3, 5, 2, 10, 2, 5, 6, 6, 1, 0),
  ENTREPRENEUR("entrepreneurs", 55, 0.14, 0.60, 0, 60, 8, 7, 5, 8, 3, 4, 3, 1, 1, 0),
  NEW_JOB("new-job", 50, 0.12, 0.35, 0, 0, 58, 5, 6, 10, 2, 3, 3, 10, 3, 0),
  PARENT("parents", 45, 0.07, 0.40, 2, 0, 2, 10, 10, 20, 15, 12, 14, 8, 7, 0),
  RETIREE("retirees", 40, 0.08, 0.50, 0, 0, 1, 10, 12, 15, 20, 16, 14, 6, 6, 0),
  GENERAL("general", 95, 0.10, 0.0, 5, 3, 5, 13, 9, 16, 10, 14, 13, 7, 0, 5);

  @JsonValue final String label;
  final int authors;
  final double share;
  final double cueBioShare;
  final double[] topicWeights;

  Persona(String label, int authors, double share, double cueBioShare, double... topicWeights) {
    this.label = label;
    this.authors = authors;
    this.share = share;
    this.cueBioShare = cueBioShare;
    this.topicWeights = topicWeights;
  }

  static Persona of(String label) {
    for (Persona persona : values()) {
      if (persona.label.equals(label)) {
        return persona;
      }
    }
    throw new IllegalArgumentException("unknown audience '" + label + "'");
  }

  /** A persona in proportion to their shares. */
  static Persona pick(Draws draws) {
    double[] weights = new double[values().length];
    for (Persona persona : values()) {
      weights[persona.ordinal()] = persona.share;
    }
    return values()[draws.weightedIndex(weights)];
  }
}
