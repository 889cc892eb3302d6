package dev.earshot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.earshot.aggregate.app.AggregateService;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The brand share of voice marks as the team's own (aggregate's {@code listening.own.brand}) is the
 * one the bundled taxonomy marks {@code own: true}: two files state the fact, this keeps them one.
 */
class OwnBrandTest {
  @Test
  void aggregateMarksTheBrandTheBundledTaxonomyCallsItsOwn() throws Exception {
    List<String> own = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/taxonomy/default.yaml")) {
      JsonNode brands = new YAMLMapper().readTree(in).path("brands");
      brands
          .fields()
          .forEachRemaining(
              b -> {
                if (b.getValue().path("own").asBoolean(false)) {
                  own.add(b.getKey());
                }
              });
    }
    Properties aggregate = new Properties();
    try (InputStream in = AggregateService.class.getResourceAsStream("/aggregate.properties")) {
      aggregate.load(in);
    }

    assertThat(own).hasSize(1);
    assertThat(aggregate.getProperty(AggregateService.OWN_BRAND)).isEqualTo(own.get(0));
  }
}
