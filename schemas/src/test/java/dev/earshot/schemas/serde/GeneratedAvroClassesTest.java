package dev.earshot.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.avro.EnrichedPost;
import dev.earshot.avro.RawPost;
import dev.earshot.avro.Sentiment;
import dev.earshot.avro.ViewWindow;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class GeneratedAvroClassesTest {
  @Test
  void theGeneratedRecordsAreTrusted() {
    GeneratedAvroClasses.trust();

    for (Class<?> generated :
        new Class<?>[] {RawPost.class, EnrichedPost.class, Sentiment.class, ViewWindow.class}) {
      assertThatCode(() -> ClassSecurityValidator.validate(generated))
          .as(generated.getName())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aClassOutsideTheGeneratedPackageStaysForbidden() {
    GeneratedAvroClasses.trust();

    assertThatThrownBy(() -> ClassSecurityValidator.validate(GeneratedAvroClassesTest.class))
        .isInstanceOf(SecurityException.class);
    assertThatThrownBy(() -> ClassSecurityValidator.validate(ProcessBuilder.class))
        .isInstanceOf(SecurityException.class);
  }
}
