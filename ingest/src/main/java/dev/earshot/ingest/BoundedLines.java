package dev.earshot.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a file as bytes, each kept up to a limit: a 2 GB line with no line break costs the
 * limit in memory, not 2 GB (a {@code BufferedReader} would hold all of it). A line ends at {@code
 * \n}; a {@code \r} before it is dropped.
 */
final class BoundedLines {
  /**
   * @param bytes the line, or its first {@code limit} bytes
   * @param length the line's full length in bytes
   */
  record Line(byte[] bytes, long length) {
    boolean tooLong() {
      return length > bytes.length;
    }

    boolean isBlank() {
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return !tooLong();
    }
  }

  private final InputStream in;
  private final int limit;

  BoundedLines(InputStream in, int limit) {
    this.in = new BufferedInputStream(in, 64 * 1024);
    this.limit = limit;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
    long length = 0;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (length < limit) {
        kept.write(b);
      }
      length++;
    }
    if (b == -1 && length == 0) {
      return null;
    }
    byte[] bytes = kept.toByteArray();
    if (length <= limit && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
      length--;
    }
    return new Line(bytes, length);
  }
}
