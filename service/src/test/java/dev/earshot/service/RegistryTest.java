package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest {
  @Test
  void shouldPassOnlyRegistryAndSerdeKeysWithTheirFullNames() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                "schema.registry.url", "http://registry:8081",
                "schema.registry.retries", "2",
                "basic.auth.user.info", "u:p",
                "auto.register.schemas", "false",
                "value.subject.name.strategy", "record",
                "kafka.bootstrap.servers", "b:9092",
                "http.port", "7070"));

    assertThat(Registry.serdeProps(config))
        .containsOnly(
            entry("schema.registry.url", "http://registry:8081"),
            entry("schema.registry.retries", "2"),
            entry("basic.auth.user.info", "u:p"),
            entry("auto.register.schemas", "false"),
            entry("value.subject.name.strategy", "record"));
  }

  @Test
  void shouldLeaveUnsetSerdeKeysOut() {
    ServiceConfig config = ServiceConfig.of(Map.of("schema.registry.url", "http://r:8081"));

    assertThat(Registry.serdeProps(config))
        .containsOnly(entry("schema.registry.url", "http://r:8081"));
  }
}
