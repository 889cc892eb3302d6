package dev.earshot.schemas;

import java.util.regex.Pattern;

/**
 * What a label (an audience, topic, brand, department or stage name) may look like: lower-case
 * letters, digits and '-', starting with a letter or digit, at most {@link #MAX_LENGTH} characters.
 * The taxonomy refuses any other, so that every label a post is given can be asked for in a query.
 */
public final class LabelNames {
  public static final int MAX_LENGTH = 64;

  /** The whole syntax, length included. */
  public static final Pattern PATTERN =
      Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");

  /** What {@link #PATTERN} says, for error messages. */
  public static final String RULE =
      "lower-case letters, digits and '-', at most " + MAX_LENGTH + " characters";

  private LabelNames() {}

  public static boolean isValid(String label) {
    return label != null && PATTERN.matcher(label).matches();
  }
}
