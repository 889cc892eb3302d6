package dev.earshot.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.avro.Author;
import dev.earshot.avro.Engagement;
import dev.earshot.avro.RawPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Checks one post in the wire format of DOMAIN.md and maps it to a {@link RawPost}. Every refusal
 * names the field, so the dead-letter record and the HTTP 400 can say what to fix.
 */
public final class PostParser {
  /** Posts dated further ahead than this are refused: the clock of their source is wrong. */
  static final Duration MAX_FUTURE = Duration.ofMinutes(15);

  static final int MAX_ID_LENGTH = 256;

  // Trailing content (e.g. two posts glued on one line) is refused, not silently dropped.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final Clock clock;

  public PostParser(Clock clock) {
    this.clock = clock;
  }

  /** The outcome of parsing: a post, or the reason it was refused. */
  public sealed interface Result {}

  public record Valid(RawPost post) implements Result {}

  public record Invalid(String field, String reason) implements Result {}

  public Result parse(String json, String origin) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return new Invalid("$", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return new Invalid("$", "a post must be a JSON object");
    }
    try {
      Instant now = clock.instant();
      Instant createdAt = timestamp(node, "created_at");
      if (createdAt.isAfter(now.plus(MAX_FUTURE))) {
        throw new Refused("created_at", "created_at " + createdAt + " is in the future");
      }
      RawPost post =
          RawPost.newBuilder()
              .setId(requiredText(node, "id", MAX_ID_LENGTH))
              .setPlatform(requiredText(node, "platform", 64))
              .setText(requiredText(node, "text", Integer.MAX_VALUE))
              .setCreatedAt(createdAt)
              .setAuthor(author(node.get("author")))
              .setLang(optionalText(node, "lang"))
              .setUrl(optionalText(node, "url"))
              .setThreadId(optionalText(node, "thread_id"))
              .setParentId(optionalText(node, "parent_id"))
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

  private static String optionalText(JsonNode node, String field) {
    return optionalText(node, field, field);
  }

  private static String optionalText(JsonNode node, String field, String path) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new Refused(path, path + " must be a string");
    }
    return v.asText();
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
              + v.asText()
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
        optionalText(node, "id", "author.id"),
        optionalText(node, "handle", "author.handle"),
        optionalCount(node, "followers", "author.followers"),
        optionalText(node, "bio", "author.bio"));
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
