package dev.earshot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsCliTest {
  @Test
  void withoutAConfigTheTopicsAreThoseOfTheBundledSizes() {
    assertThat(TopicsCli.topics(null, Map.of())).isEqualTo(Topics.all());
  }

  @Test
  void aViewsOwnSizesGetTheirFinalAndUpdatesTopics(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("aggregate.properties");
    Files.writeString(
        config,
        "aggregate.view.brand-topic.windows=1h,7d\n"
            + "aggregate.window.7d.grace=P7D\n"
            + "aggregate.window.7d.retention=P400D\n");

    List<String> names =
        TopicsCli.topics(config, Map.of()).stream().map(Topics.Spec::name).toList();

    WindowSize week = WindowSize.parse("7d");
    assertThat(names)
        .contains(
            Topics.viewFinal(View.BRAND_TOPIC, week), Topics.viewUpdates(View.BRAND_TOPIC, week))
        .doesNotContain(Topics.viewFinal(View.BRAND_TOPIC, WindowSize.parse("1m")))
        .contains(Topics.viewFinal(View.TOPIC, WindowSize.parse("1m")));
  }

  @Test
  void theEnvironmentSetsSizesAsForTheService() {
    List<String> names =
        TopicsCli.topics(null, Map.of("EARSHOT_AGGREGATE_WINDOWS", "1h")).stream()
            .map(Topics.Spec::name)
            .toList();

    assertThat(names)
        .contains(Topics.viewUpdates(View.AUDIENCE_TOPIC, WindowSize.parse("1h")))
        .doesNotContain(Topics.viewUpdates(View.AUDIENCE_TOPIC, WindowSize.parse("1d")));
  }
}
