package dev.earshot.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  @Test
  void shouldCountPrecisionRecallAndF1PerLabel() {
    Evaluation e = new Evaluation();
    e.add(List.of("a"), List.of("a")); // a: TP
    e.add(List.of("a"), List.of("b")); // a: FN, b: FP
    e.add(List.of("b"), List.of("b")); // b: TP
    e.add(List.of(), List.of("a")); // a: FP

    Evaluation.Counts a = e.labels().get("a");
    assertThat(a.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(a.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(a.f1()).isCloseTo(0.5, within(1e-9));
    Evaluation.Counts b = e.labels().get("b");
    assertThat(b.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(b.recall()).isCloseTo(1.0, within(1e-9));
    assertThat(b.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
    assertThat(e.macroF1()).isCloseTo((0.5 + 2 * 0.5 / 1.5) / 2, within(1e-9));
    assertThat(e.exactMatch()).isCloseTo(0.5, within(1e-9));
    Evaluation.Counts micro = e.micro();
    assertThat(micro.truePositives).isEqualTo(2);
    assertThat(micro.falsePositives).isEqualTo(2);
    assertThat(micro.falseNegatives).isEqualTo(1);
  }

  @Test
  void shouldLeaveMacroF1OutOfLabelsThatNeverOccurInTheExpectedData() {
    Evaluation e = new Evaluation();
    e.add(List.of("a"), List.of("a", "z"));
    // z was predicted but never expected: its precision is 0, but with no support it is left
    // out of the macro average (it still counts in the micro average).
    assertThat(e.macroF1()).isCloseTo(1.0, within(1e-9));
    assertThat(e.labels().get("z").precision()).isZero();
  }
}
