package dev.earshot.schemas.serde;

import dev.earshot.avro.Author;
import dev.earshot.avro.Engagement;
import dev.earshot.avro.RawPost;
import java.time.Instant;

/** RawPost fixtures. */
final class TestPosts {
  static final Instant CREATED = Instant.parse("2024-05-01T12:34:56.789Z");
  static final Instant INGESTED = Instant.parse("2024-05-01T12:35:00.001Z");

  /** Every optional field set, including the nested records' optional fields. */
  static RawPost full() {
    return RawPost.newBuilder()
        .setId("1790000000000000001")
        .setPlatform("twitter")
        .setText("Loving the new espresso machine ☕ — but the app is buggy")
        .setCreatedAt(CREATED)
        .setAuthor(
            Author.newBuilder()
                .setId("u-42")
                .setHandle("@barista")
                .setFollowers(12_345L)
                .setBio("coffee, code")
                .build())
        .setLang("en")
        .setUrl("https://example.com/p/1")
        .setThreadId("t-7")
        .setParentId("p-6")
        .setMetrics(
            Engagement.newBuilder()
                .setLikes(10L)
                .setShares(2L)
                .setReplies(3L)
                .setViews(1_000_000L)
                .build())
        .setIngestedAt(INGESTED)
        .setOrigin("file:posts.jsonl:42")
        .build();
  }

  /** Only the required fields set. */
  static RawPost minimal() {
    return RawPost.newBuilder()
        .setId("abc")
        .setPlatform("reddit")
        .setText("")
        .setCreatedAt(CREATED)
        .setIngestedAt(INGESTED)
        .setOrigin("http")
        .build();
  }

  private TestPosts() {}
}
