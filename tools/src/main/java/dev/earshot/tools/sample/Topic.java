package dev.earshot.tools.sample;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The topics of the default taxonomy (same labels), plus everyday life and brand chatter, which
 * carry no topic label. Each has its mix of sentiments and of brands.
 */
enum Topic {
  CONSOLIDATION("card-consolidation", 0.40, 0.35, 0.25, 0.42, 0.38),
  FINANCING("project-financing", 0.35, 0.40, 0.25, 0.40, 0.25),
  CREDIT_LIMIT("credit-limit", 0.45, 0.30, 0.25, 0.50, 0.30),
  INTEREST("interest-rates", 0.15, 0.30, 0.55, 0.40, 0.40),
  ANNUAL_FEES("annual-fees", 0.25, 0.35, 0.40, 0.40, 0.25),
  REWARDS("rewards", 0.50, 0.30, 0.20, 0.50, 0.30),
  FRAUD("fraud-security", 0.25, 0.20, 0.55, 0.50, 0.30),
  SERVICE("customer-service", 0.30, 0.15, 0.55, 0.55, 0.25),
  BILLING("payments-billing", 0.20, 0.35, 0.45, 0.50, 0.30),
  CREDIT_SCORE("credit-score", 0.40, 0.35, 0.25, 0.50, 0.30),
  LIFE("life", 0.35, 0.35, 0.30, 0.50, 0.30),
  CHATTER("chatter", 0.30, 0.50, 0.20, 0.50, 0.30);

  @JsonValue final String label;
  final double[] sentimentMix;
  final double[] brandMix;

  Topic(String label, double pos, double neu, double neg, double acme, double globex) {
    this.label = label;
    this.sentimentMix = new double[] {pos, neu, neg};
    this.brandMix = new double[] {acme, globex, 1 - acme - globex};
  }

  /** True for the topics of the taxonomy; false for everyday life and brand chatter. */
  boolean labelled() {
    return this != LIFE && this != CHATTER;
  }

  static Topic of(String label) {
    for (Topic topic : values()) {
      if (topic.label.equals(label)) {
        return topic;
      }
    }
    throw new IllegalArgumentException("unknown topic '" + label + "'");
  }
}
