package dev.earshot.schemas.registry;

/**
 * HTTP 409 on register. Confluent answers {@code error_code} 40901, Apicurio 409: we go by the HTTP
 * status so both are recognised.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {
  public IncompatibleSchemaException(String message, int errorCode) {
    super(message, 409, errorCode, null);
  }
}
