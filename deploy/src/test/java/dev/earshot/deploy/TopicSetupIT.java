package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schemas.Topics;
import dev.earshot.service.TopicSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TopicSetup gives an existing post topic append time and leaves every other topic alone. */
@ExtendWith(SharedStack.class)
class TopicSetupIT {
  private final LocalStack stack = SharedStack.stack();

  @Test
  void existingPostTopicsGetAppendTimeAndTheRestIsLeftAlone() throws Exception {
    ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POSTS_RAW);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      // a posts.raw made by an earlier version, or by hand, with producer timestamps
      admin
          .incrementalAlterConfigs(
              Map.of(
                  raw,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry(
                              TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                              TimestampType.CREATE_TIME.toString()),
                          AlterConfigOp.OpType.SET))))
          .all()
          .get();
      awaitTimestampType(admin, raw, TimestampType.CREATE_TIME);

      assertThat(TopicSetup.ensure(admin, stack.partitions(), (short) 1))
          .containsExactly(Topics.POSTS_RAW);
      awaitTimestampType(admin, raw, TimestampType.LOG_APPEND_TIME);
      assertThat(TopicSetup.ensure(admin, stack.partitions(), (short) 1)).isEmpty();
      // Window updates are compacted and deleted by time, counted from when Kafka got them.
      ConfigResource updates =
          new ConfigResource(
              ConfigResource.Type.TOPIC,
              Topics.viewUpdates(
                  dev.earshot.schemas.views.View.BRAND,
                  dev.earshot.schemas.views.WindowSize.parse("1d")));
      var config = admin.describeConfigs(List.of(updates)).all().get().get(updates);
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact,delete");
      assertThat(config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value())
          .isEqualTo(TimestampType.LOG_APPEND_TIME.toString());
    }
  }

  /**
   * Waits until the broker answering describeConfigs shows the topic's timestamp type: the
   * controller applies a change at once, a broker from the metadata log a moment later (CI once
   * read the old value right after an alter).
   */
  private static void awaitTimestampType(Admin admin, ConfigResource topic, TimestampType type) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        admin
                            .describeConfigs(List.of(topic))
                            .all()
                            .get()
                            .get(topic)
                            .get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)
                            .value())
                    .isEqualTo(type.toString()));
  }
}
