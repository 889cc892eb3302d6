package dev.earshot.labels.taxonomy;

/** A rules file that cannot be used; the message names the line (when known) and the reason. */
public class TaxonomyException extends RuntimeException {
  private final int line;

  public TaxonomyException(String source, int line, String reason, Throwable cause) {
    super(source + (line > 0 ? ":" + line : "") + ": " + reason, cause);
    this.line = line;
  }

  /** 1-based line in the rules file, or 0 when the problem is not tied to a line. */
  public int line() {
    return line;
  }
}
