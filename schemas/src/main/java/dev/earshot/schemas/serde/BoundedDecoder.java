package dev.earshot.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one record held in a byte array, where no length or count may claim more
 * bytes than the record has left.
 *
 * <p>Why: Avro's own decoder allocates whatever a length prefix claims before it reads the bytes,
 * so an 11-byte record whose string length says 2,147,483,639 makes it allocate 2 GB and fail with
 * {@link OutOfMemoryError}, which no dead-letter handler catches: the stream thread dies, and dies
 * again on the same record after every restart. Here such a record is an {@link IOException} like
 * any other malformed input, and goes to the dead-letter topic.
 *
 * <p>Every string, bytes and fixed value takes at least its length in bytes, and every item of an
 * array or map at least one byte in earshot's schemas (strings and records of them), so a length or
 * count above the remaining bytes is refused without allocating.
 */
final class BoundedDecoder extends Decoder {
  private final Cursor in;
  private final BinaryDecoder binary;

  BoundedDecoder(byte[] data, int offset, int length) {
    this.in = new Cursor(data, offset, length);
    this.binary = DecoderFactory.get().directBinaryDecoder(in, null);
  }

  /** Bytes of the record not read yet; anything left after the record is trailing garbage. */
  int remaining() {
    return in.available();
  }

  private int checked(long length, String what) throws IOException {
    if (length < 0 || length > in.available()) {
      throw new IOException(
          what + " claims " + length + " bytes but the record has " + in.available() + " left");
    }
    return (int) length;
  }

  private long checkedCount(long count, String what) throws IOException {
    if (count > in.available()) {
      throw new IOException(
          what
              + " claims "
              + count
              + " items but the record has "
              + in.available()
              + " bytes left");
    }
    return count;
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = checked(binary.readLong(), "a string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    binary.readFixed(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public void skipString() throws IOException {
    binary.skipFixed(checked(binary.readLong(), "a string"));
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = checked(binary.readLong(), "a bytes value");
    byte[] bytes = new byte[length];
    binary.readFixed(bytes, 0, length);
    return ByteBuffer.wrap(bytes);
  }

  @Override
  public void skipBytes() throws IOException {
    binary.skipFixed(checked(binary.readLong(), "a bytes value"));
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    binary.readFixed(bytes, start, checked(length, "a fixed value"));
  }

  @Override
  public void skipFixed(int length) throws IOException {
    binary.skipFixed(checked(length, "a fixed value"));
  }

  @Override
  public long readArrayStart() throws IOException {
    return checkedCount(binary.readArrayStart(), "an array");
  }

  @Override
  public long arrayNext() throws IOException {
    return checkedCount(binary.arrayNext(), "an array");
  }

  @Override
  public long skipArray() throws IOException {
    return checkedCount(binary.skipArray(), "an array");
  }

  @Override
  public long readMapStart() throws IOException {
    return checkedCount(binary.readMapStart(), "a map");
  }

  @Override
  public long mapNext() throws IOException {
    return checkedCount(binary.mapNext(), "a map");
  }

  @Override
  public long skipMap() throws IOException {
    return checkedCount(binary.skipMap(), "a map");
  }

  @Override
  public void readNull() throws IOException {
    binary.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return binary.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return binary.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return binary.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return binary.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return binary.readDouble();
  }

  @Override
  public int readEnum() throws IOException {
    return binary.readEnum();
  }

  @Override
  public int readIndex() throws IOException {
    return binary.readIndex();
  }

  /** An unsynchronized view of the record's bytes that knows how many are left. */
  private static final class Cursor extends InputStream {
    private final byte[] data;
    private final int end;
    private int position;

    Cursor(byte[] data, int offset, int length) {
      this.data = data;
      this.position = offset;
      this.end = offset + length;
    }

    @Override
    public int read() {
      return position < end ? data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (position >= end) {
        return -1;
      }
      int n = Math.min(len, end - position);
      System.arraycopy(data, position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public long skip(long n) {
      long k = Math.max(0, Math.min(n, end - position));
      position += (int) k;
      return k;
    }

    @Override
    public int available() {
      return end - position;
    }
  }
}
