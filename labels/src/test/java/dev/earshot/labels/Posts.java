package dev.earshot.labels;

import dev.earshot.avro.Author;
import dev.earshot.avro.RawPost;
import java.time.Instant;

/** RawPost fixtures, shared with enrich's tests (through this module's test jar). */
public final class Posts {
  public static final Instant CREATED = Instant.parse("2026-11-16T10:15:00Z");

  public static RawPost.Builder post(String id, String text) {
    return RawPost.newBuilder()
        .setId(id)
        .setPlatform("twitter")
        .setText(text)
        .setCreatedAt(CREATED)
        .setIngestedAt(CREATED.plusSeconds(5))
        .setOrigin("test");
  }

  public static Author bio(String bio) {
    return Author.newBuilder().setHandle("someone").setBio(bio).build();
  }

  private Posts() {}
}
