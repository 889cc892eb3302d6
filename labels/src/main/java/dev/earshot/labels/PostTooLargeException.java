package dev.earshot.labels;

/** A post over the configured size budget; it goes to the dead-letter topic with this reason. */
public class PostTooLargeException extends RuntimeException {
  public PostTooLargeException(String key, int chars, int limit) {
    super(
        "post "
            + key
            + " has "
            + chars
            + " characters, over the limit of "
            + limit
            + " (enrich.max.text.chars)");
  }
}
