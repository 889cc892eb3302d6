package dev.earshot.schemas;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.avro.Author;
import dev.earshot.avro.Engagement;
import dev.earshot.avro.RawPost;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks one post in the wire format of DOMAIN.md and maps it to a {@link RawPost}. Every refusal
 * names the field, so the dead-letter record and the HTTP 400 can say what to fix.
 */
public final class PostParser {
  /**
   * Posts dated further ahead than this are refused: the clock of their source is wrong. It also
   * keeps every record the Streams apps write well inside the broker's bound on future timestamps
   * ({@code log.message.timestamp.after.max.ms}, one hour by default): their changelog records
   * carry the post's event time.
   */
  public static final Duration MAX_FUTURE = Duration.ofMinutes(15);

  /**
   * Posts dated before this are refused: Kafka record times and windows start at the Unix epoch,
   * and Kafka Streams silently drops a record whose event time is negative.
   */
  static final Instant MIN_CREATED_AT = Instant.EPOCH;

  static final int MAX_ID_LENGTH = 256;

  /**
   * Longer is not a social post. The bound keeps every valid post well inside Kafka's default
   * message size (1 MB), so a valid post can always be published.
   */
  public static final int MAX_TEXT_LENGTH = 100_000;

  static final int MAX_URL_LENGTH = 2_048;
  static final int MAX_BIO_LENGTH = 2_000;

  /** How much of a refused value a reason quotes: enough to recognise it, never the whole body. */
  static final int MAX_QUOTED = 80;

  /** A BCP 47 language tag, e.g. {@code en}, {@code pt-BR}, {@code zh-Hant-TW}. */
  private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,6}");

  // Trailing content (e.g. two posts glued on one line) is refused, not silently dropped; so is a
  // field given twice ({"text":"a","text":"b"}), which parsers resolve differently.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final Clock clock;

  public PostParser(Clock clock) {
    this.clock = clock;
  }

  /** The outcome of parsing: a post, or the reason it was refused. */
  public sealed interface Result {}

  public record Valid(RawPost post) implements Result {}

  public record Invalid(String field, String reason) implements Result {}

  public Result parse(String json, String origin) {
    try {
      return parse(JSON.readTree(json), origin);
    } catch (JsonProcessingException e) {
      return new Invalid("$", "not valid JSON: " + quote(e.getOriginalMessage()));
    }
  }

  /** Parses a body as received: JSON is UTF-8, and bytes that are not are refused. */
  public Result parse(byte[] json, String origin) {
    try {
      return parse(JSON.readTree(json), origin);
    } catch (IOException e) {
      return new Invalid("$", "not valid JSON in UTF-8: " + quote(e.getMessage()));
    }
  }

  private Result parse(JsonNode node, String origin) {
    if (node == null || !node.isObject()) {
      return new Invalid("$", "a post must be a JSON object");
    }
    try {
      Instant now = clock.instant();
      Instant createdAt = timestamp(node, "created_at");
      if (createdAt.isAfter(now.plus(MAX_FUTURE))) {
        throw new Refused("created_at", "created_at " + createdAt + " is in the future");
      }
      if (createdAt.isBefore(MIN_CREATED_AT)) {
        throw new Refused(
            "created_at", "created_at " + createdAt + " is before 1970-01-01T00:00:00Z");
      }
      RawPost post =
          RawPost.newBuilder()
              .setId(identifier(requiredText(node, "id", MAX_ID_LENGTH), "id"))
              .setPlatform(identifier(requiredText(node, "platform", 64), "platform"))
              .setText(requiredText(node, "text", MAX_TEXT_LENGTH))
              .setCreatedAt(createdAt)
              .setAuthor(author(node.get("author")))
              .setLang(lang(node))
              .setUrl(identifier(optionalText(node, "url", "url", MAX_URL_LENGTH), "url"))
              .setThreadId(optionalIdentifier(node, "thread_id", "thread_id"))
              .setParentId(optionalIdentifier(node, "parent_id", "parent_id"))
              .setMetrics(engagement(node.get("metrics")))
              .setIngestedAt(now)
              .setOrigin(origin)
              .build();
      return new Valid(post);
    } catch (Refused r) {
      return new Invalid(r.field, r.getMessage());
    }
  }

  private static String requiredText(JsonNode node, String field, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new Refused(field, field + " is required");
    }
    if (!v.isTextual()) {
      throw new Refused(field, field + " must be a string");
    }
    String text = v.asText();
    if (text.isBlank()) {
      throw new Refused(field, field + " must not be empty");
    }
    if (text.length() > maxLength) {
      throw new Refused(field, field + " is longer than " + maxLength + " characters");
    }
    return text;
  }

  /** An optional string; a number is taken as its text (ids are often numeric at the source). */
  private static String optionalText(JsonNode node, String field, String path, int maxLength) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new Refused(path, path + " must be a string");
    }
    String text = v.asText();
    if (text.length() > maxLength) {
      throw new Refused(path, path + " is longer than " + maxLength + " characters");
    }
    return text;
  }

  private static String optionalIdentifier(JsonNode node, String field, String path) {
    return identifier(optionalText(node, field, path, MAX_ID_LENGTH), path);
  }

  /**
   * Ids, handles, platforms and URLs end up in keys, logs and HTTP paths: a control character (NUL,
   * a line break) in one is refused rather than carried along.
   */
  private static String identifier(String value, String path) {
    if (value != null && value.chars().anyMatch(Character::isISOControl)) {
      throw new Refused(path, path + " must not contain control characters");
    }
    return value;
  }

  private static String lang(JsonNode node) {
    JsonNode v = node.get("lang");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || !LANG.matcher(v.asText()).matches()) {
      throw new Refused(
          "lang", "lang " + quote(v.toString()) + " must be a language tag such as en or pt-BR");
    }
    return v.asText();
  }

  /** A value as a reason quotes it: at most {@link #MAX_QUOTED} characters. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return value.length() <= MAX_QUOTED
        ? value
        : value.substring(0, MAX_QUOTED) + "... (" + value.length() + " characters)";
  }

  private static Long optionalCount(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
      throw new Refused(path, path + " must be a whole number >= 0");
    }
    return v.asLong();
  }

  private static Instant timestamp(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new Refused(field, field + " is required");
    }
    try {
      return OffsetDateTime.parse(v.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new Refused(
          field,
          field
              + " '"
              + quote(v.asText())
              + "' is not an ISO-8601 date-time with offset, e.g. "
              + "2026-11-16T08:15:02Z");
    }
  }

  private static Author author(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new Refused("author", "author must be an object");
    }
    return new Author(
        optionalIdentifier(node, "id", "author.id"),
        optionalIdentifier(node, "handle", "author.handle"),
        optionalCount(node, "followers", "author.followers"),
        optionalText(node, "bio", "author.bio", MAX_BIO_LENGTH));
  }

  private static Engagement engagement(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new Refused("metrics", "metrics must be an object");
    }
    return new Engagement(
        optionalCount(node, "likes", "metrics.likes"),
        optionalCount(node, "shares", "metrics.shares"),
        optionalCount(node, "replies", "metrics.replies"),
        optionalCount(node, "views", "metrics.views"));
  }

  private static final class Refused extends RuntimeException {
    final String field;

    Refused(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}
