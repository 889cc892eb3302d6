package dev.earshot.schemas.registry;

/**
 * The registry could not be reached, or answered 5xx, after the configured retries. This is an
 * outage, not bad input: callers must stall or fail, never dead-letter the record.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {
  public SchemaRegistryUnavailableException(String message, int status, Throwable cause) {
    super(message, status, -1, cause);
  }
}
