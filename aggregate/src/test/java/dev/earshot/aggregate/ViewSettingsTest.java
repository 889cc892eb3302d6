package dev.earshot.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewSettingsTest {
  private final Map<String, String> config = new HashMap<>();

  {
    config.put("aggregate.windows", "1h, 1m");
    config.put("aggregate.window.1m.grace", "PT10M");
    config.put("aggregate.window.1m.retention", "P1D");
    config.put("aggregate.window.1h.grace", "P7D");
    config.put("aggregate.window.1h.retention", "P30D");
    config.put("aggregate.updates.interval", "PT1S");
    config.put("aggregate.query.refresh", "PT0.2S");
  }

  private ViewSettings read() {
    return ViewSettings.read((key, fallback) -> config.getOrDefault(key, fallback));
  }

  @Test
  void aViewsPaneIsTheLargestDurationEveryOneOfItsSizesIsAMultipleOf() {
    config.put("aggregate.view.brand-topic.windows", "1h");
    config.put("aggregate.view.topic.windows", "1h,90m");
    config.put("aggregate.window.90m.grace", "PT1H");
    config.put("aggregate.window.90m.retention", "P1D");

    ViewSettings settings = read();

    assertThat(settings.paneMillis(View.AUDIENCE_TOPIC)).isEqualTo(60_000L);
    assertThat(settings.paneMillis(View.BRAND_TOPIC)).isEqualTo(3_600_000L);
    assertThat(settings.paneMillis(View.TOPIC)).isEqualTo(30 * 60_000L);
  }

  @Test
  void everyViewGetsTheDefaultSizesSmallestFirstUnlessItHasItsOwn() {
    config.put("aggregate.view.brand-topic.windows", "1h");

    ViewSettings settings = read();

    assertThat(settings.of(View.AUDIENCE_TOPIC))
        .extracting(s -> s.size().token())
        .containsExactly("1m", "1h");
    assertThat(settings.of(View.BRAND_TOPIC))
        .extracting(s -> s.size().token())
        .containsExactly("1h");
    assertThat(settings.of(View.BRAND).get(1).grace()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void theQueryRefreshIsReadAndMustBePositive() {
    assertThat(read().queryRefresh()).isEqualTo(Duration.ofMillis(200));

    config.put("aggregate.query.refresh", "PT0S");

    assertThatThrownBy(this::read).hasMessageContaining("aggregate.query.refresh");
  }

  @Test
  void aSizeWithoutItsGraceOrRetentionIsRefusedNamingTheKey() {
    config.put("aggregate.view.topic.windows", "1d");

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aggregate.window.1d.grace");
  }

  @Test
  void retentionShorterThanTheWindowPlusGraceIsRefused() {
    config.put("aggregate.window.1m.retention", "PT10M");

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention of 1m windows (PT10M)")
        .hasMessageContaining("PT11M");
  }

  @Test
  void aBadDurationNamesItsKey() {
    config.put("aggregate.window.1h.grace", "seven days");

    assertThatThrownBy(this::read).hasMessageContaining("aggregate.window.1h.grace 'seven days'");
  }

  @Test
  void windowSizesAreACountAndAUnit() {
    assertThat(WindowSize.parse("15m").duration()).isEqualTo(Duration.ofMinutes(15));
    assertThat(WindowSize.parse("1d").windowStart(Duration.ofHours(30).toMillis()))
        .isEqualTo(Duration.ofDays(1).toMillis());
    assertThatThrownBy(() -> WindowSize.parse("1w")).hasMessageContaining("m, h or d");
    assertThatThrownBy(() -> WindowSize.parse("0m")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WindowSize.parseList(" , ")).hasMessageContaining("no window size");
  }

  @Test
  void hashtagsAreFoundOnceEachLowerCaseAndNotInsideWordsOrEntities() {
    assertThat(PostFactsOf.hashtags("#Fees and #fees, #Frais_2026! mail@x#no &#35; #"))
        .containsExactly("fees", "frais_2026");
  }
}
