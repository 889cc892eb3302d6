package dev.earshot.schemas.registry;

import org.apache.kafka.common.KafkaException;

/** The registry refused a request; {@link #status()} is the HTTP status (0 for no answer). */
public class SchemaRegistryException extends KafkaException {
  private final int status;
  private final int errorCode;

  public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  /** The registry's {@code error_code}, or -1 when the body had none. */
  public int errorCode() {
    return errorCode;
  }
}
