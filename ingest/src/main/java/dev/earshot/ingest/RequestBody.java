package dev.earshot.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body up to a limit, however it is sent. A declared Content-Length over the limit
 * is refused before reading; a chunked body (no length) is read only until it passes the limit, so
 * a 100 MB upload costs at most the limit in memory, never the whole upload.
 *
 * @param bytes the body, or for one over the limit the first bytes read
 * @param tooLarge the body is over the limit
 * @param seenBytes the declared length, or the bytes read before giving up
 */
record RequestBody(byte[] bytes, boolean tooLarge, long seenBytes) {

  static RequestBody read(InputStream in, long declaredLength, int limit, int keepWhenTooLarge)
      throws IOException {
    if (declaredLength > limit) {
      // Refused on its declared length: keep for the dead letter only what has already arrived,
      // without waiting for a client that may be slow to send the rest, or never send it.
      // One read of at most what is available: it returns what has arrived without blocking.
      int available = Math.min(Math.max(in.available(), 0), keepWhenTooLarge);
      byte[] start = new byte[available];
      int n = available == 0 ? 0 : in.read(start, 0, available);
      return new RequestBody(Arrays.copyOf(start, Math.max(n, 0)), true, declaredLength);
    }
    byte[] body = in.readNBytes(limit + 1);
    if (body.length > limit) {
      return new RequestBody(
          Arrays.copyOf(body, Math.min(keepWhenTooLarge, body.length)), true, body.length);
    }
    return new RequestBody(body, false, body.length);
  }
}
