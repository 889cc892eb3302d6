package dev.earshot.schemas.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that earshot uses. {@link
 * RestSchemaRegistryClient} talks to any registry that speaks it (Confluent, Karapace, Redpanda,
 * Apicurio's ccompat path); {@link InMemorySchemaRegistryClient} is for unit tests.
 *
 * <p>Failures: {@link IncompatibleSchemaException} when the registry refuses a schema, {@link
 * SchemaRegistryUnavailableException} when it cannot be reached or answers 5xx after retries,
 * {@link SchemaRegistryException} for any other refusal.
 */
public interface SchemaRegistryClient {

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema getById(int id);

  /** The registered version of this exact schema under the subject, if any. */
  Optional<RegisteredSchema> lookup(String subject, Schema schema);

  /** The latest version under the subject, if the subject exists. */
  Optional<RegisteredSchema> latest(String subject);

  /** Version numbers under the subject, ascending; empty if the subject does not exist. */
  List<Integer> versions(String subject);

  /** Whether the schema may be registered under the subject given its compatibility level. */
  boolean isCompatible(String subject, Schema schema);

  /** The subject's compatibility level, or the global one when {@code subject} is null. */
  String compatibility(String subject);

  /** Sets the subject's compatibility level, or the global one when {@code subject} is null. */
  void setCompatibility(String subject, String level);

  /** All subjects. */
  List<String> subjects();

  /** A schema as registered under a subject. */
  record RegisteredSchema(String subject, int id, int version, Schema schema) {}
}
