package dev.earshot.labels.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void questionMarkTokens() {
    assertThat(Tokens.isQuestionMark("?")).isTrue();
    assertThat(Tokens.isQuestionMark("??")).isTrue();
    assertThat(Tokens.isQuestionMark("?!")).isTrue();
    assertThat(Tokens.isQuestionMark("!!")).isFalse();
    assertThat(Tokens.isQuestionMark("what?")).isFalse();
  }

  @Test
  void squeezeAndUndoubleWithoutRegex() {
    assertThat(Tokens.squeeze("soooo")).isEqualTo("soo");
    assertThat(Tokens.squeeze("good")).isEqualTo("good");
    assertThat(Tokens.squeeze("!!!!")).isEqualTo("!!!!");
    assertThat(Tokens.undouble("soo")).isEqualTo("so");
  }

  @Test
  void clauseBoundaries() {
    assertThat(Tokens.clauseBoundary("but")).isTrue();
    assertThat(Tokens.clauseBoundary(",")).isTrue();
    assertThat(Tokens.clauseBoundary("...")).isTrue();
    assertThat(Tokens.clauseBoundary("good")).isFalse();
  }
}
