package dev.earshot.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as ISO-8601 strings, exactly as {@link Instant#toString()} writes them, without its
 * general formatter for the common case of whole seconds in years 0000-9999 (window bounds): a
 * series answer writes two per window, and the formatter was a twentieth of a one-cell answer.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {
  private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  IsoInstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(format(value));
  }

  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (instant.getNano() != 0 || seconds < FIRST || seconds > LAST) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
    int second = (int) Math.floorMod(seconds, 86_400);
    char[] out = "0000-00-00T00:00:00Z".toCharArray();
    digits(out, 0, date.getYear(), 4);
    digits(out, 5, date.getMonthValue(), 2);
    digits(out, 8, date.getDayOfMonth(), 2);
    digits(out, 11, second / 3600, 2);
    digits(out, 14, second / 60 % 60, 2);
    digits(out, 17, second % 60, 2);
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
