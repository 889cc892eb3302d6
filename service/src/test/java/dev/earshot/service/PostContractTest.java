package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.avro.RawPost;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostContractTest {
  private static final RawPost POST =
      RawPost.newBuilder()
          .setId("1")
          .setPlatform("twitter")
          .setText("hi")
          .setCreatedAt(Instant.parse("2026-11-16T08:00:00Z"))
          .setIngestedAt(Instant.parse("2026-11-16T08:00:01Z"))
          .setOrigin("test")
          .build();

  @Test
  void shouldAcceptAPostUnderItsOwnKey() {
    assertThatCode(() -> PostContract.check("twitter:1", POST)).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseARecordWithoutAKey() {
    assertThatThrownBy(() -> PostContract.check(null, POST))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("no key");
  }

  @Test
  void shouldRefuseACopyUnderAnotherKey() {
    assertThatThrownBy(() -> PostContract.check("copy-of-twitter:1", POST))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("'twitter:1'");
  }

  @Test
  void shouldRefuseAPostDatedBefore1970() {
    RawPost ancient =
        RawPost.newBuilder(POST).setCreatedAt(Instant.parse("1969-12-31T23:59:59Z")).build();

    assertThatThrownBy(() -> PostContract.check("twitter:1", ancient))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("before 1970");
  }

  @Test
  void shouldRefuseARecordWithoutAValue() {
    assertThatThrownBy(() -> PostContract.check("twitter:1", null))
        .isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void shouldRefuseAPostDatedMoreThan15MinutesAhead() {
    RawPost ahead = RawPost.newBuilder(POST).setCreatedAt(Instant.now().plusSeconds(7_200)).build();
    RawPost slightlyAhead =
        RawPost.newBuilder(POST).setCreatedAt(Instant.now().plusSeconds(60)).build();

    assertThatThrownBy(() -> PostContract.check("twitter:1", ahead))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("in the future");
    assertThatCode(() -> PostContract.check("twitter:1", slightlyAhead)).doesNotThrowAnyException();
  }
}
