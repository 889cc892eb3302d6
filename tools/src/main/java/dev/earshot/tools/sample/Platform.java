package dev.earshot.tools.sample;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a post was written, with its share of root posts and the prefix of its ids. */
enum Platform {
  TWITTER("twitter", "t", 42),
  REDDIT("reddit", "r", 20),
  FORUM("forum", "f", 10),
  BLOG_COMMENT("blog-comment", "b", 10),
  REVIEW("review", "v", 18);

  @JsonValue final String wire;
  final String idPrefix;
  final double weight;

  Platform(String wire, String idPrefix, double weight) {
    this.wire = wire;
    this.idPrefix = idPrefix;
    this.weight = weight;
  }

  /** A platform in proportion to the weights above. */
  static Platform pick(Draws draws) {
    double[] weights = new double[values().length];
    for (Platform platform : values()) {
      weights[platform.ordinal()] = platform.weight;
    }
    return values()[draws.weightedIndex(weights)];
  }
}
