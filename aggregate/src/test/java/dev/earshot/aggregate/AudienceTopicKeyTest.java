package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudienceTopicKeyTest {
  @Test
  void encodesAsAudienceBarTopic() {
    assertThat(new AudienceTopicKey("newlyweds", "annual-fees").encode())
        .isEqualTo("newlyweds|annual-fees");
  }

  @Test
  void decodeIsTheInverseOfEncode() {
    AudienceTopicKey key = new AudienceTopicKey("college-students", AudienceTopicKey.UNASSIGNED);

    assertThat(AudienceTopicKey.decode(key.encode())).isEqualTo(key);
    assertThat(AudienceTopicKey.decode("a|b")).isEqualTo(new AudienceTopicKey("a", "b"));
  }

  @Test
  void emptyPartsSurviveTheRoundTrip() {
    assertThat(AudienceTopicKey.decode("|")).isEqualTo(new AudienceTopicKey("", ""));
  }

  @Test
  void rejectsABarInTheAudienceOrTheTopic() {
    assertThatThrownBy(() -> new AudienceTopicKey("new|lyweds", "rewards"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'|'");
    assertThatThrownBy(() -> new AudienceTopicKey("newlyweds", "re|wards"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeRejectsAKeyWithoutABar() {
    assertThatThrownBy(() -> AudienceTopicKey.decode("newlyweds-rewards"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newlyweds-rewards");
  }

  @Test
  void decodeRejectsAKeyWithMoreThanOneBar() {
    // e.g. an output-topic key (audience|topic|window) handed to decode by mistake
    assertThatThrownBy(() -> AudienceTopicKey.decode("newlyweds|rewards|2026-11-16T10:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
