package dev.earshot.labels.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearModelTest {
  private static final String MODEL =
      """
      # a hand-made model
      <classes>\tbad\tmeh\tgood
      <bias>\t0.0\t0.5\t0.0
      u:awful\t2.0\t0.0\t-2.0
      u:love\t-1.0\t0.0\t1.5
      """;

  static LinearModel read(String text) throws Exception {
    return LinearModel.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
  }

  @Test
  void softmaxOverTheWeightsOfPresentFeatures() throws Exception {
    LinearModel model = read(MODEL);

    double[] p = model.probabilities(Map.of("u:awful", 1.0, "u:unknown", 1.0));
    // z = (2.0, 0.5, -2.0): the unknown feature adds nothing
    double sum = Math.exp(2.0) + Math.exp(0.5) + Math.exp(-2.0);
    assertThat(p[0]).isCloseTo(Math.exp(2.0) / sum, within(1e-12));
    assertThat(p[1]).isCloseTo(Math.exp(0.5) / sum, within(1e-12));
    assertThat(p[2]).isCloseTo(Math.exp(-2.0) / sum, within(1e-12));
    assertThat(model.best(Map.of("u:awful", 1.0))).isEqualTo("bad");
    assertThat(model.best(Map.of())).isEqualTo("meh"); // the bias alone
    assertThat(model.best(Map.of("u:love", 2.0))).isEqualTo("good"); // values scale weights
    assertThat(model.classes()).containsExactly("bad", "meh", "good");
  }

  @Test
  void writesWhatItReadsWithFeaturesSorted() throws Exception {
    LinearModel model = read(MODEL);
    StringWriter out = new StringWriter();
    model.write(out);

    assertThat(out.toString())
        .isEqualTo(
            "# a hand-made model\n"
                + "<classes>\tbad\tmeh\tgood\n"
                + "<bias>\t0.0000\t0.5000\t0.0000\n"
                + "u:awful\t2.0000\t0.0000\t-2.0000\n"
                + "u:love\t-1.0000\t0.0000\t1.5000\n");
    assertThat(model.size()).isEqualTo(2);
    assertThat(model.comments()).containsExactly("a hand-made model");
  }

  @Test
  void malformedFilesAreRefusedWithLineAndReason() {
    assertThatThrownBy(() -> read("<bias>\t0\t0\t0\n"))
        .hasMessageContaining("test.tsv:1")
        .hasMessageContaining("expected <classes>");
    assertThatThrownBy(() -> read("<classes>\ta\tb\tc\n<bias>\t0\t0\t0\nu:x\t1\t2\n"))
        .hasMessageContaining("test.tsv:3")
        .hasMessageContaining("a feature and 3 weights");
    assertThatThrownBy(() -> read("<classes>\ta\tb\tc\n<bias>\t0\t0\tzero\n"))
        .hasMessageContaining("test.tsv:2")
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> read("<classes>\ta\tb\nu:x\t1\t2\n"))
        .hasMessageContaining("no <bias> line");
  }

  @Test
  void aMissingResourceIsNamed() {
    assertThatThrownBy(() -> LinearModel.resource("/nowhere.tsv"))
        .hasMessageContaining("/nowhere.tsv not on the class path");
  }
}
