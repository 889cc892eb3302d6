package dev.earshot.aggregate.query;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.earshot.aggregate.cell.Cell;
import dev.earshot.avro.CellStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * One cell (and window, for series) as one instance holds it, in the form instances exchange: the
 * {@link CellStats} in Avro's single-object encoding, base64, so that sketches travel whole and the
 * asking instance merges them exactly as a store would. An instance answering itself keeps the cell
 * as it is: it is encoded only when sent to another instance.
 */
public final class Partial {
  private final String key;
  private final Long start;
  private Cell cell;
  private String stats;

  private Partial(String key, Long start, Cell cell, String stats) {
    this.key = key;
    this.start = start;
    this.cell = cell;
    this.stats = stats;
  }

  /**
   * @param start the window start (epoch ms), or null for totals over the range
   */
  public static Partial of(String key, Long start, Cell cell) {
    return new Partial(key, start, cell, null);
  }

  /** As another instance sent it. */
  @JsonCreator
  static Partial read(
      @JsonProperty("key") String key,
      @JsonProperty("start") Long start,
      @JsonProperty("stats") String stats) {
    return new Partial(key, start, null, stats);
  }

  @JsonProperty("key")
  public String key() {
    return key;
  }

  @JsonProperty("start")
  public Long start() {
    return start;
  }

  /** The cell's stats, encoded (on the way to another instance). */
  @JsonProperty("stats")
  public String stats() {
    if (stats == null) {
      try {
        ByteBuffer bytes = cell.toStats().toByteBuffer();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        stats = Base64.getEncoder().encodeToString(array);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return stats;
  }

  /** The cell, decoded once; read-only, as it may be shared with other answers. */
  public Cell cell() {
    if (cell == null) {
      try {
        cell =
            Cell.of(CellStats.fromByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(stats))));
      } catch (IOException e) {
        throw new UncheckedIOException("a peer sent an unreadable cell " + key, e);
      }
    }
    return cell;
  }
}
