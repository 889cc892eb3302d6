package dev.earshot.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.labels.LabellerSettings;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnrichPropertiesTest {
  /**
   * The labeller's defaults are written once, in {@link LabellerSettings#DEFAULTS}: the service's
   * properties file lists each key (so that an EARSHOT_ENRICH_... variable can set it) but leaves
   * it empty, which means that default.
   */
  @Test
  void listsEveryLabellerKeyAndLeavesItsValueToTheLibrary() throws Exception {
    Properties props = new Properties();
    try (InputStream in = EnrichPropertiesTest.class.getResourceAsStream("/enrich.properties")) {
      props.load(in);
    }

    for (String key : LabellerSettings.KEYS) {
      assertThat(props.getProperty(key)).as(key).isNotNull().isEmpty();
    }
  }
}
