package dev.earshot.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the Confluent Schema Registry REST API over the JDK HTTP client. Ids and registrations
 * are cached: an id never changes meaning, so a schema is fetched once per id. Connection failures
 * and 5xx answers are retried with backoff, then reported as {@link
 * SchemaRegistryUnavailableException}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryConfig config;
  private final String base;
  private final HttpClient http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

  public RestSchemaRegistryClient(RegistryConfig config) {
    this.config = config;
    String url = config.baseUrl().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
    if (config.trustStorePath() != null) {
      builder.sslContext(sslContext(config));
    }
    this.http = builder.build();
  }

  @Override
  public int register(String subject, Schema schema) {
    Map<Schema, Integer> cached =
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer id = cached.get(schema);
    if (id != null) {
      return id;
    }
    JsonNode answer;
    try {
      answer = send("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema));
    } catch (IncompatibleSchemaException refused) {
      return registeredMeanwhile(subject, schema).orElseThrow(() -> refused);
    }
    int newId = answer.path("id").asInt();
    cached.put(schema, newId);
    schemasById.putIfAbsent(newId, schema);
    return newId;
  }

  /**
   * Two instances that register the same new subject at once: Apicurio answers the second with 409
   * ("an artifact with ID ... already exists") although the schema is now registered. The
   * reliability suite's rolling restart hit it, and the record being written was dead-lettered. So
   * a 409 is a refusal only if the schema is not, after all, registered under the subject.
   */
  private Optional<Integer> registeredMeanwhile(String subject, Schema schema) {
    try {
      return lookup(subject, schema).map(RegisteredSchema::id);
    } catch (RuntimeException lookupFailed) {
      return Optional.empty();
    }
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null);
    Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
    schemasById.put(id, schema);
    return schema;
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    try {
      JsonNode answer = send("POST", "/subjects/" + enc(subject), schemaBody(schema));
      RegisteredSchema found = registered(subject, answer);
      idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, found.id());
      return Optional.of(found);
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    try {
      return Optional.of(
          registered(subject, send("GET", "/subjects/" + enc(subject) + "/versions/latest", null)));
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<Integer> versions(String subject) {
    try {
      List<Integer> versions = new ArrayList<>();
      send("GET", "/subjects/" + enc(subject) + "/versions", null)
          .forEach(v -> versions.add(v.asInt()));
      return versions;
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    try {
      return send(
              "POST",
              "/compatibility/subjects/" + enc(subject) + "/versions/latest",
              schemaBody(schema))
          .path("is_compatible")
          .asBoolean(false);
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        return true; // nothing registered yet: anything goes
      }
      throw e;
    }
  }

  @Override
  public String compatibility(String subject) {
    // Confluent answers 404 for a subject without its own level unless asked for the default.
    JsonNode answer =
        send(
            "GET",
            subject == null ? "/config" : "/config/" + enc(subject) + "?defaultToGlobal=true",
            null);
    return answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(null));
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    send("PUT", subject == null ? "/config" : "/config/" + enc(subject), body);
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null).forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  private RegisteredSchema registered(String subject, JsonNode answer) {
    int id = answer.path("id").asInt();
    Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
    schemasById.putIfAbsent(id, schema);
    return new RegisteredSchema(subject, id, answer.path("version").asInt(), schema);
  }

  private static ObjectNode schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString());
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(config.requestTimeout())
            .header("Accept", CONTENT_TYPE + ", application/json");
    if (config.userInfo() != null) {
      String token =
          Base64.getEncoder().encodeToString(config.userInfo().getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpRequest built = request.build();
    Exception lastError = null;
    int lastStatus = 0;
    for (int attempt = 0; attempt <= config.retries(); attempt++) {
      if (attempt > 0) {
        sleep(config.retryBackoff().toMillis() * attempt);
      }
      try {
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        }
        if (status >= 500) {
          lastStatus = status;
          lastError = null;
          log.warn(
              "schema registry {} {} answered {} (attempt {})", method, path, status, attempt + 1);
          continue;
        }
        throw refusal(method, path, status, response.body());
      } catch (IOException e) {
        lastError = e;
        log.warn(
            "schema registry {} {} failed: {} (attempt {})",
            method,
            path,
            e.toString(),
            attempt + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryUnavailableException("interrupted calling " + base + path, 0, e);
      }
    }
    String why =
        lastError instanceof ConnectException
            ? "connection refused"
            : lastError != null ? lastError.toString() : "HTTP " + lastStatus;
    throw new SchemaRegistryUnavailableException(
        "schema registry at " + base + " unavailable for " + method + " " + path + ": " + why,
        lastStatus,
        lastError);
  }

  private static SchemaRegistryException refusal(
      String method, String path, int status, String body) {
    int errorCode = -1;
    String message = body;
    try {
      JsonNode json = JSON.readTree(body);
      errorCode = json.path("error_code").asInt(-1);
      message = json.path("message").asText(body);
    } catch (IOException | RuntimeException notJson) {
      // keep the raw body as the message
    }
    String text = method + " " + path + " -> HTTP " + status + ": " + message;
    if (status == 409) {
      return new IncompatibleSchemaException(text, errorCode);
    }
    return new SchemaRegistryException(text, status, errorCode, null);
  }

  private static String enc(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryUnavailableException("interrupted while retrying", 0, e);
    }
  }

  private static SSLContext sslContext(RegistryConfig config) {
    return TrustStores.sslContext(
        Path.of(config.trustStorePath()), config.trustStorePassword(), config.trustStoreType());
  }
}
