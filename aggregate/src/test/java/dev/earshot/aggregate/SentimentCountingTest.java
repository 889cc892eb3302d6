package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.avro.Sentiment;
import dev.earshot.avro.SentimentCounts;
import dev.earshot.schemas.Sentiments;
import org.junit.jupiter.api.Test;

class SentimentCountingTest {
  @Test
  void emptyIsAllZero() {
    assertThat(SentimentCounting.empty()).isEqualTo(new SentimentCounts(0L, 0L, 0L, 0L, 0.0));
  }

  @Test
  void addCountsThePostItsLabelAndItsScoreWithoutChangingTheInput() {
    SentimentCounts before = new SentimentCounts(3L, 1L, 1L, 1L, 0.25);

    SentimentCounts after =
        SentimentCounting.add(before, new Sentiment(Sentiments.NEGATIVE, -0.5, "lexicon"));

    assertThat(after).isEqualTo(new SentimentCounts(4L, 1L, 1L, 2L, -0.25));
    assertThat(before).isEqualTo(new SentimentCounts(3L, 1L, 1L, 1L, 0.25));
  }

  @Test
  void unknownLabelCountsAsAPostButInNoSplit() {
    SentimentCounts after =
        SentimentCounting.add(SentimentCounting.empty(), new Sentiment("mixed", 0.1, "x"));

    assertThat(after).isEqualTo(new SentimentCounts(1L, 0L, 0L, 0L, 0.1));
  }

  @Test
  void mergeAddsFieldByField() {
    assertThat(
            SentimentCounting.merge(
                new SentimentCounts(2L, 1L, 1L, 0L, 0.5),
                new SentimentCounts(3L, 0L, 1L, 2L, -1.0)))
        .isEqualTo(new SentimentCounts(5L, 1L, 2L, 2L, -0.5));
  }
}
