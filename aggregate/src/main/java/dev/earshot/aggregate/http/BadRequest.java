package dev.earshot.aggregate.http;

/** A request the API refuses, naming the offending field; answered with HTTP 400. */
public class BadRequest extends RuntimeException {
  private final String field;

  public BadRequest(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
