package dev.earshot.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.avro.RawPost;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostParserTest {
  private static final Instant NOW = Instant.parse("2026-11-16T10:00:00.250Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PostParser parser = new PostParser(Clock.fixed(NOW, ZoneOffset.UTC));

  private static final String FULL =
      """
      {
        "id": "1861234567890",
        "platform": "twitter",
        "text": "Just got married - time to merge our @acme cards?",
        "created_at": "2026-11-16T08:15:02.123Z",
        "author": {"id": "u-77", "handle": "@newlywed_sam", "followers": 1234,
                   "bio": "coffee, hiking"},
        "lang": "en",
        "url": "https://twitter.example/p/1861234567890",
        "thread_id": "t-1",
        "parent_id": "p-0",
        "metrics": {"likes": 3, "shares": 1, "replies": 2, "views": 480}
      }
      """;

  /** A minimal valid post with one change applied. */
  private static String post(Consumer<ObjectNode> change) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", "42");
    node.put("platform", "reddit");
    node.put("text", "my credit limit went up");
    node.put("created_at", "2026-11-16T09:00:00Z");
    change.accept(node);
    return node.toString();
  }

  private RawPost valid(String json) {
    PostParser.Result result = parser.parse(json, "http");
    assertThat(result).isInstanceOf(PostParser.Valid.class);
    return ((PostParser.Valid) result).post();
  }

  private PostParser.Invalid invalid(String json) {
    PostParser.Result result = parser.parse(json, "http");
    assertThat(result).isInstanceOf(PostParser.Invalid.class);
    return (PostParser.Invalid) result;
  }

  private void assertRefused(String json, String field) {
    PostParser.Invalid invalid = invalid(json);
    assertThat(invalid.field()).isEqualTo(field);
    assertThat(invalid.reason()).isNotBlank();
  }

  @Test
  void shouldMapEveryFieldOfAFullPost() {
    PostParser.Result result = parser.parse(FULL, "file:posts.jsonl:7");

    assertThat(result).isInstanceOf(PostParser.Valid.class);
    RawPost post = ((PostParser.Valid) result).post();
    assertThat(post.getId()).isEqualTo("1861234567890");
    assertThat(post.getPlatform()).isEqualTo("twitter");
    assertThat(post.getText()).isEqualTo("Just got married - time to merge our @acme cards?");
    assertThat(post.getCreatedAt()).isEqualTo(Instant.parse("2026-11-16T08:15:02.123Z"));
    assertThat(post.getAuthor().getId()).isEqualTo("u-77");
    assertThat(post.getAuthor().getHandle()).isEqualTo("@newlywed_sam");
    assertThat(post.getAuthor().getFollowers()).isEqualTo(1234L);
    assertThat(post.getAuthor().getBio()).isEqualTo("coffee, hiking");
    assertThat(post.getLang()).isEqualTo("en");
    assertThat(post.getUrl()).isEqualTo("https://twitter.example/p/1861234567890");
    assertThat(post.getThreadId()).isEqualTo("t-1");
    assertThat(post.getParentId()).isEqualTo("p-0");
    assertThat(post.getMetrics().getLikes()).isEqualTo(3L);
    assertThat(post.getMetrics().getShares()).isEqualTo(1L);
    assertThat(post.getMetrics().getReplies()).isEqualTo(2L);
    assertThat(post.getMetrics().getViews()).isEqualTo(480L);
    assertThat(post.getIngestedAt()).isEqualTo(NOW);
    assertThat(post.getOrigin()).isEqualTo("file:posts.jsonl:7");
  }

  @Test
  void shouldLeaveOptionalFieldsNullWhenAbsentOrNull() {
    RawPost post = valid(post(n -> n.putNull("author").putNull("lang")));

    assertThat(post.getAuthor()).isNull();
    assertThat(post.getLang()).isNull();
    assertThat(post.getUrl()).isNull();
    assertThat(post.getThreadId()).isNull();
    assertThat(post.getParentId()).isNull();
    assertThat(post.getMetrics()).isNull();
    assertThat(post.getOrigin()).isEqualTo("http");
  }

  @Test
  void shouldConvertACreatedAtWithAnOffsetToTheInstant() {
    RawPost post = valid(post(n -> n.put("created_at", "2026-11-16T10:30:00+02:00")));

    assertThat(post.getCreatedAt()).isEqualTo(Instant.parse("2026-11-16T08:30:00Z"));
  }

  @Test
  void shouldKeepANumericAuthorIdAsText() {
    RawPost post = valid(post(n -> n.putObject("author").put("id", 987654321L)));

    assertThat(post.getAuthor().getId()).isEqualTo("987654321");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"id\": ", "", "   "})
  void shouldRefuseInputThatIsNotJsonAtTheRoot(String input) {
    assertRefused(input, "$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"id\":\"1\"}]", "\"a post\"", "42", "null"})
  void shouldRefuseJsonThatIsNotAnObjectAtTheRoot(String input) {
    assertRefused(input, "$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "platform", "text"})
  void shouldRefuseAMissingRequiredField(String field) {
    assertRefused(post(n -> n.remove(field)), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "platform", "text"})
  void shouldRefuseANullRequiredField(String field) {
    assertRefused(post(n -> n.putNull(field)), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "platform", "text"})
  void shouldRefuseABlankRequiredField(String field) {
    assertRefused(post(n -> n.put(field, " \t ")), field);
    assertRefused(post(n -> n.put(field, "")), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "platform", "text"})
  void shouldRefuseARequiredFieldThatIsNotAString(String field) {
    assertRefused(post(n -> n.put(field, 42)), field);
    assertRefused(post(n -> n.putObject(field)), field);
    assertRefused(post(n -> n.put(field, true)), field);
  }

  @Test
  void shouldRefuseAnIdLongerThan256Characters() {
    valid(post(n -> n.put("id", "x".repeat(256))));

    assertRefused(post(n -> n.put("id", "x".repeat(257))), "id");
  }

  @Test
  void shouldRefuseAPlatformLongerThan64Characters() {
    valid(post(n -> n.put("platform", "p".repeat(64))));

    assertRefused(post(n -> n.put("platform", "p".repeat(65))), "platform");
  }

  @Test
  void shouldRefuseAMissingCreatedAt() {
    assertRefused(post(n -> n.remove("created_at")), "created_at");
    assertRefused(post(n -> n.putNull("created_at")), "created_at");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-11-16", "1763287200000", ""})
  void shouldRefuseACreatedAtThatIsNotAnIsoDateTime(String createdAt) {
    PostParser.Invalid invalid = invalid(post(n -> n.put("created_at", createdAt)));

    assertThat(invalid.field()).isEqualTo("created_at");
    assertThat(invalid.reason()).contains("'" + createdAt + "'").contains("ISO-8601");
  }

  @Test
  void shouldRefuseACreatedAtGivenAsAJsonNumber() {
    assertRefused(post(n -> n.put("created_at", 1763287200000L)), "created_at");
  }

  @Test
  void shouldRefuseACreatedAtWithoutAnOffsetBecauseItsInstantIsAmbiguous() {
    PostParser.Invalid invalid = invalid(post(n -> n.put("created_at", "2026-11-16T10:00:00")));

    assertThat(invalid.field()).isEqualTo("created_at");
    assertThat(invalid.reason()).contains("with offset");
  }

  @Test
  void shouldAcceptACreatedAtUpTo15MinutesAhead() {
    RawPost post = valid(post(n -> n.put("created_at", "2026-11-16T10:15:00.250Z")));

    assertThat(post.getCreatedAt()).isEqualTo(NOW.plusSeconds(15 * 60));
  }

  @Test
  void shouldRefuseACreatedAtMoreThan15MinutesAhead() {
    PostParser.Invalid invalid =
        invalid(post(n -> n.put("created_at", "2026-11-16T10:15:00.251Z")));

    assertThat(invalid.field()).isEqualTo("created_at");
    assertThat(invalid.reason()).contains("future");
  }

  @Test
  void shouldCompareTheFutureLimitAfterApplyingTheOffset() {
    // 11:20+01:00 is 10:20Z, 20 minutes ahead of the clock.
    assertRefused(post(n -> n.put("created_at", "2026-11-16T11:20:00+01:00")), "created_at");
    // 05:10-05:00 is 10:10Z, within the limit.
    valid(post(n -> n.put("created_at", "2026-11-16T05:10:00-05:00")));
  }

  @Test
  void shouldAcceptOldPosts() {
    valid(post(n -> n.put("created_at", "2009-01-03T18:15:05Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"@sam\"", "42", "[]", "true"})
  void shouldRefuseAnAuthorThatIsNotAnObject(String author) {
    assertRefused(post(n -> n.set("author", parse(author))), "author");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"many\"", "-1", "1.5", "true", "{}"})
  void shouldRefuseFollowersThatAreNotACount(String followers) {
    assertRefused(
        post(n -> n.putObject("author").set("followers", parse(followers))), "author.followers");
  }

  @Test
  void shouldAcceptZeroFollowers() {
    RawPost post = valid(post(n -> n.putObject("author").put("followers", 0)));

    assertThat(post.getAuthor().getFollowers()).isZero();
  }

  @Test
  void shouldRefuseFollowersTooLargeForALongInsteadOfWrappingThem() {
    // 2^64 + 1: read as a long it would silently become 1.
    String json =
        post(n -> n.putObject("author").put("handle", "@x"))
            .replace("\"handle\":\"@x\"", "\"followers\":18446744073709551617");

    assertRefused(json, "author.followers");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "handle", "bio"})
  void shouldRefuseAnAuthorTextFieldThatIsNotAString(String field) {
    assertRefused(post(n -> n.putObject("author").putObject(field)), "author." + field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "\"3\"", "-2"})
  void shouldRefuseLikesThatAreNotACount(String likes) {
    assertRefused(post(n -> n.putObject("metrics").set("likes", parse(likes))), "metrics.likes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shares", "replies", "views"})
  void shouldNameTheOtherEngagementCountersWhenTheyAreWrong(String counter) {
    assertRefused(post(n -> n.putObject("metrics").put(counter, -1)), "metrics." + counter);
  }

  @Test
  void shouldRefuseMetricsThatAreNotAnObject() {
    assertRefused(post(n -> n.put("metrics", 5)), "metrics");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lang", "url", "thread_id", "parent_id"})
  void shouldRefuseAnOptionalTextFieldThatIsNotAString(String field) {
    assertRefused(post(n -> n.putArray(field)), field);
  }

  @Test
  void shouldRefuseTrailingContentAfterThePost() {
    // Two posts glued on one JSONL line: accepting the first would silently drop the second.
    String two = post(n -> {}) + post(n -> n.put("id", "43"));

    assertRefused(two, "$");
    assertRefused(post(n -> {}) + " garbage", "$");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z"})
  void shouldRefuseACreatedAtBeforeTheUnixEpoch(String createdAt) {
    // Kafka Streams drops a record with a negative event time silently: refuse it here, loudly.
    PostParser.Invalid invalid = invalid(post(n -> n.put("created_at", createdAt)));

    assertThat(invalid.field()).isEqualTo("created_at");
    assertThat(invalid.reason()).contains("before 1970-01-01");
  }

  @Test
  void shouldAcceptTheUnixEpochItself() {
    valid(post(n -> n.put("created_at", "1970-01-01T00:00:00Z")));
  }

  @Test
  void shouldQuoteOnlyTheStartOfAHugeInvalidValue() {
    String huge = "x".repeat(600_000);

    PostParser.Invalid invalid = invalid(post(n -> n.put("created_at", huge)));

    assertThat(invalid.field()).isEqualTo("created_at");
    assertThat(invalid.reason()).hasSizeLessThan(300).contains("(600000 characters)");
  }

  @Test
  void shouldRefuseAFieldGivenTwice() {
    String twice = post(n -> {}).replace("\"id\":\"42\"", "\"id\":\"42\",\"id\":\"43\"");

    assertRefused(twice, "$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "platform"})
  void shouldRefuseControlCharactersInARequiredIdentifier(String field) {
    assertRefused(post(n -> n.put(field, "4\u00002")), field);
    assertRefused(post(n -> n.put(field, "4\n2")), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread_id", "parent_id", "url"})
  void shouldRefuseControlCharactersInAnOptionalIdentifier(String field) {
    assertRefused(post(n -> n.put(field, "a\u0000b")), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "handle"})
  void shouldRefuseControlCharactersInAnAuthorIdentifier(String field) {
    assertRefused(post(n -> n.putObject("author").put(field, "a\u0000b")), "author." + field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "\"english please\"", "\"e\"", "\"en_US\"", "\"\""})
  void shouldRefuseALangThatIsNotALanguageTag(String lang) {
    assertRefused(post(n -> n.set("lang", parse(lang))), "lang");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "pt-BR", "zh-Hant-TW", "und"})
  void shouldAcceptLanguageTags(String lang) {
    assertThat(valid(post(n -> n.put("lang", lang))).getLang()).isEqualTo(lang);
  }

  @Test
  void shouldRefuseALangLongerThanATag() {
    assertRefused(post(n -> n.put("lang", "en-" + "abcdefgh-".repeat(100) + "x")), "lang");
  }

  @Test
  void shouldBoundTheLengthOfEveryOptionalText() {
    assertRefused(post(n -> n.put("url", "https://x/" + "a".repeat(3_000))), "url");
    assertRefused(post(n -> n.put("thread_id", "t".repeat(257))), "thread_id");
    assertRefused(post(n -> n.putObject("author").put("bio", "b".repeat(2_001))), "author.bio");
    assertRefused(post(n -> n.putObject("author").put("handle", "h".repeat(257))), "author.handle");
  }

  @Test
  void shouldRefuseATextTooLongToBeAPost() {
    assertRefused(post(n -> n.put("text", "a".repeat(PostParser.MAX_TEXT_LENGTH + 1))), "text");
    valid(post(n -> n.put("text", "a".repeat(PostParser.MAX_TEXT_LENGTH))));
  }

  @Test
  void shouldRefuseBytesThatAreNotUtf8() {
    byte[] body = post(n -> n.put("text", "caf\u00e9")).getBytes(StandardCharsets.ISO_8859_1);

    PostParser.Result result = parser.parse(body, "http");

    assertThat(result).isInstanceOf(PostParser.Invalid.class);
    assertThat(((PostParser.Invalid) result).field()).isEqualTo("$");
  }

  @Test
  void shouldParseUtf8BytesLikeTheString() {
    String json = post(n -> n.put("text", "caf\u00e9 \uD83D\uDE00"));

    PostParser.Result result = parser.parse(json.getBytes(StandardCharsets.UTF_8), "http");

    assertThat(((PostParser.Valid) result).post().getText()).isEqualTo("caf\u00e9 \uD83D\uDE00");
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
