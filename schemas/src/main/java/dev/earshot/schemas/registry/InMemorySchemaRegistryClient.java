package dev.earshot.schemas.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry in memory, for unit tests (TopologyTestDriver) only. It checks BACKWARD compatibility
 * the way a real registry would, but it is never what a user runs.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
  private final List<Schema> byId = new ArrayList<>();
  private final Map<String, List<Schema>> bySubject = new LinkedHashMap<>();
  private final Map<String, String> levels = new LinkedHashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    Optional<RegisteredSchema> existing = lookup(subject, schema);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    if (!isCompatible(subject, schema)) {
      throw new IncompatibleSchemaException("incompatible with latest under " + subject, 409);
    }
    int id = byId.indexOf(schema);
    if (id < 0) {
      byId.add(schema);
      id = byId.size() - 1;
    }
    bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(schema);
    return id + 1;
  }

  @Override
  public synchronized Schema getById(int id) {
    if (id < 1 || id > byId.size()) {
      throw new SchemaRegistryException("schema " + id + " not found", 404, 40403, null);
    }
    return byId.get(id - 1);
  }

  @Override
  public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    List<Schema> versions = bySubject.getOrDefault(subject, List.of());
    int index = versions.indexOf(schema);
    return index < 0
        ? Optional.empty()
        : Optional.of(new RegisteredSchema(subject, byId.indexOf(schema) + 1, index + 1, schema));
  }

  @Override
  public synchronized Optional<RegisteredSchema> latest(String subject) {
    List<Schema> versions = bySubject.getOrDefault(subject, List.of());
    return versions.isEmpty()
        ? Optional.empty()
        : lookup(subject, versions.get(versions.size() - 1));
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= bySubject.getOrDefault(subject, List.of()).size(); i++) {
      numbers.add(i);
    }
    return numbers;
  }

  @Override
  public synchronized boolean isCompatible(String subject, Schema schema) {
    Optional<RegisteredSchema> latest = latest(subject);
    if (latest.isEmpty() || "NONE".equals(compatibility(subject))) {
      return true;
    }
    return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest.get().schema())
            .getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  @Override
  public synchronized String compatibility(String subject) {
    String level = subject == null ? null : levels.get(subject);
    return level != null ? level : levels.getOrDefault(null, "BACKWARD");
  }

  @Override
  public synchronized void setCompatibility(String subject, String level) {
    levels.put(subject, level);
  }

  @Override
  public synchronized List<String> subjects() {
    return new ArrayList<>(bySubject.keySet());
  }
}
