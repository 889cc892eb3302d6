package dev.earshot.labels;

import java.time.Duration;

/** A post that took longer to label than the time budget; it goes to the dead-letter topic. */
public class PostOverBudgetException extends RuntimeException {
  public PostOverBudgetException(String key, Duration took, Duration budget) {
    super(
        "post "
            + key
            + " took "
            + took.toMillis()
            + " ms to label, over the budget of "
            + budget.toMillis()
            + " ms (enrich.max.millis.per.post)");
  }
}
