package dev.earshot.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentModelTest {
  private static final String MODEL =
      """
      # a hand-made model
      <bias>\t0.0\t0.5\t0.0
      u:awful\t2.0\t0.0\t-2.0
      u:love\t-1.0\t0.0\t1.5
      """;

  private static SentimentModel read(String text) throws Exception {
    return SentimentModel.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
  }

  @Test
  void scoresWithSoftmaxOverTheWeightsOfPresentFeatures() throws Exception {
    SentimentModel model = read(MODEL);

    double[] p = model.probabilities(Map.of("u:awful", 1.0, "u:unknown", 1.0));
    // z = (2.0, 0.5, -2.0)
    double sum = Math.exp(2.0) + Math.exp(0.5) + Math.exp(-2.0);
    assertThat(p[0]).isCloseTo(Math.exp(2.0) / sum, within(1e-12));
    assertThat(p[1]).isCloseTo(Math.exp(0.5) / sum, within(1e-12));
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));

    SocialSentimentScorer.Score score = model.score(Map.of("u:awful", 1.0));
    assertThat(score.label()).isEqualTo("negative");
    assertThat(score.score()).isCloseTo(p[2] - p[0], within(1e-12)).isBetween(-1.0, 0.0);
    assertThat(score.decidedBy()).isEqualTo("model");
    assertThat(model.score(Map.of()).label()).isEqualTo("neutral"); // the bias alone
    assertThat(model.score(Map.of("u:love", 1.0)).label()).isEqualTo("positive");
  }

  @Test
  void writesWhatItReadsWithFeaturesSorted() throws Exception {
    SentimentModel model = read(MODEL);
    StringWriter out = new StringWriter();
    model.write(out);

    assertThat(out.toString())
        .isEqualTo(
            "# a hand-made model\n"
                + "<bias>\t0.0000\t0.5000\t0.0000\n"
                + "u:awful\t2.0000\t0.0000\t-2.0000\n"
                + "u:love\t-1.0000\t0.0000\t1.5000\n");
    assertThat(model.size()).isEqualTo(2);
    assertThat(model.comments()).containsExactly("a hand-made model");
  }

  @Test
  void malformedFilesAreRefusedWithLineAndReason() {
    assertThatThrownBy(() -> read("<bias>\t0\t0\t0\nu:x\t1\t2\n"))
        .hasMessageContaining("test.tsv:2")
        .hasMessageContaining("a feature and 3 weights");
    assertThatThrownBy(() -> read("<bias>\t0\t0\tzero\n"))
        .hasMessageContaining("test.tsv:1")
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> read("u:x\t1\t2\t3\n")).hasMessageContaining("no <bias> line");
  }

  @Test
  void theBundledModelLoadsAndKnowsDomainWords() {
    SentimentModel model = SentimentModel.loadDefault();

    assertThat(model.size()).isGreaterThan(1000);
    assertThat(model.comments()).anyMatch(c -> c.contains("train-sentiment"));
    assertThat(SentimentModel.CLASSES).containsExactly("negative", "neutral", "positive");
    // A negative lexicon verdict must push towards negative, whatever the words.
    assertThat(model.score(Map.of("lex:compound", -0.8, "lex:negative", 1.0)).label())
        .isEqualTo("negative");
    assertThat(model.score(Map.of("lex:compound", 0.8, "lex:positive", 1.0)).label())
        .isEqualTo("positive");
    assertThat(List.of(model.probabilities(Map.of()))).hasSize(1);
  }
}
