package dev.earshot.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledPostsTest {
  private static final String VALID =
      "{\"id\":\"1\",\"platform\":\"twitter\",\"text\":\"fine\","
          + "\"created_at\":\"2030-01-01T00:00:00Z\",\"expected\":{\"sentiment\":\"neutral\"}}";

  @Test
  void readsPostsWithTheirExpectedLabelsSkippingBlankLines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("set.jsonl");
    Files.write(file, List.of(VALID, ""), StandardCharsets.UTF_8);

    List<LabelledPosts.Labelled> posts = LabelledPosts.read(file);

    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).post().getText()).isEqualTo("fine"); // dated in the future: accepted
    assertThat(posts.get(0).expectedSentiment()).isEqualTo("neutral");
  }

  @Test
  void anInvalidPostIsRefusedWithItsLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("set.jsonl");
    Files.write(
        file, List.of(VALID, "{\"id\":\"2\",\"platform\":\"twitter\"}"), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> LabelledPosts.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set.jsonl:2")
        .hasMessageContaining("not a valid post (created_at)");
  }
}
