package dev.earshot.aggregate.query;

import dev.earshot.aggregate.cell.Cell;
import dev.earshot.avro.CellStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * One cell (and window, for series) as one instance holds it, in the form instances exchange: the
 * {@link CellStats} in Avro's single-object encoding, base64, so that sketches travel whole and the
 * asking instance merges them exactly as a store would.
 *
 * @param start the window start (epoch ms), or null for totals over the range
 */
public record Partial(String key, Long start, String stats) {
  public static Partial of(String key, Long start, Cell cell) {
    try {
      ByteBuffer bytes = cell.toStats().toByteBuffer();
      byte[] array = new byte[bytes.remaining()];
      bytes.get(array);
      return new Partial(key, start, Base64.getEncoder().encodeToString(array));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Cell cell() {
    try {
      return Cell.of(CellStats.fromByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(stats))));
    } catch (IOException e) {
      throw new UncheckedIOException("a peer sent an unreadable cell " + key, e);
    }
  }
}
