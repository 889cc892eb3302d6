package dev.earshot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {
  private static BoundedLines of(String text, int limit) {
    return new BoundedLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
  }

  @Test
  void splitsOnLineBreaksAndDropsTheCarriageReturn() throws IOException {
    BoundedLines lines = of("a\r\nbb\n\nc", 10);

    assertThat(new String(lines.next().bytes(), StandardCharsets.UTF_8)).isEqualTo("a");
    assertThat(new String(lines.next().bytes(), StandardCharsets.UTF_8)).isEqualTo("bb");
    assertThat(lines.next().isBlank()).isTrue();
    assertThat(new String(lines.next().bytes(), StandardCharsets.UTF_8)).isEqualTo("c");
    assertThat(lines.next()).isNull();
  }

  @Test
  void keepsOnlyTheStartOfALineOverTheLimitButCountsAllOfIt() throws IOException {
    // 50 MB of one line, generated on the fly: a line reader that kept it would need 50 MB.
    long huge = 50L * 1024 * 1024;
    InputStream endlessLine =
        new InputStream() {
          long left = huge;

          @Override
          public int read() {
            if (left == 0) {
              return -1;
            }
            left--;
            return left == 0 ? '\n' : 'x';
          }
        };
    BoundedLines lines = new BoundedLines(endlessLine, 1000);

    BoundedLines.Line line = lines.next();

    assertThat(line.bytes()).hasSize(1000);
    assertThat(line.length()).isEqualTo(huge - 1);
    assertThat(line.tooLong()).isTrue();
    assertThat(line.isBlank()).isFalse();
    assertThat(lines.next()).isNull();
  }
}
