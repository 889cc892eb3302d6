package dev.earshot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
  /** An endless body that counts what was read from it. */
  private static final class Endless extends InputStream {
    final AtomicLong read = new AtomicLong();

    @Override
    public int read() {
      read.incrementAndGet();
      return 'a';
    }
  }

  @Test
  void aBodyWithinTheLimitIsReadWhole() throws IOException {
    RequestBody body = RequestBody.read(new ByteArrayInputStream(new byte[100]), -1, 100, 10);

    assertThat(body.tooLarge()).isFalse();
    assertThat(body.bytes()).hasSize(100);
  }

  @Test
  void aBodyOfUnknownLengthIsReadOnlyJustPastTheLimit() throws IOException {
    Endless endless = new Endless(); // what a chunked 100 MB upload looks like from here

    RequestBody body = RequestBody.read(endless, -1, 1000, 10);

    assertThat(body.tooLarge()).isTrue();
    assertThat(endless.read.get()).isEqualTo(1001);
    assertThat(body.bytes()).hasSize(10);
    assertThat(body.seenBytes()).isEqualTo(1001);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutWaitingForTheBody() throws IOException {
    Endless endless = new Endless(); // available() is 0: nothing has arrived yet

    RequestBody body = RequestBody.read(endless, 5_000_000, 1000, 10);

    assertThat(body.tooLarge()).isTrue();
    assertThat(endless.read.get()).isZero();
    assertThat(body.seenBytes()).isEqualTo(5_000_000);
  }
}
