package dev.earshot.aggregate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.service.HttpSettings;
import dev.earshot.service.ServiceConfig;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** Bind on one address, announce another: what a pod behind a Service needs. */
class AdvertisedAddressTest {
  private static final HttpSettings BIND_ALL = HttpSettings.open("0.0.0.0", 7073);

  @Test
  void withNothingSetTheBindAddressIsAnnounced() {
    assertThat(
            AggregateService.advertised(
                ServiceConfig.of(Map.of()), HttpSettings.open("127.0.0.1", 7073)))
        .isEqualTo(new HostInfo("127.0.0.1", 7073));
  }

  @Test
  void anAdvertisedHostIsAnnouncedWhileTheServerBindsAll() {
    ServiceConfig config =
        ServiceConfig.of(Map.of("http.advertised.host", "aggregate-0.aggregate.earshot.svc"));
    assertThat(AggregateService.advertised(config, BIND_ALL))
        .isEqualTo(new HostInfo("aggregate-0.aggregate.earshot.svc", 7073));
  }

  @Test
  void anApplicationServerSetByHandIsAlsoWhatTheInstanceTakesForItself() {
    ServiceConfig config =
        ServiceConfig.of(
            Map.of(
                "kafka.application.server", "10.0.0.7:8073",
                "http.advertised.host", "ignored"));
    assertThat(AggregateService.advertised(config, BIND_ALL))
        .isEqualTo(new HostInfo("10.0.0.7", 8073));
  }
}
