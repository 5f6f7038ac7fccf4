package dev.greenlight.dataplane.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The copy format's file layout: one gzip stream holding a header and a sequence of sections, all
 * integers big-endian ({@link DataOutputStream}).
 *
 * <pre>
 * archive  := "GLCOPY" version:int32(=1) table* end
 * table    := 'T' schema:str name:str columns:str createTable:str
 *             afterData:int32 str*  foreignKeys:int32 str*
 *             'D' chunk* int32(0)
 * chunk    := length:int32(&gt;0) bytes[length]    -- COPY … TO STDOUT text format, any split
 * end      := 'E' tables:int32
 * str      := length:int32 UTF-8 bytes[length]
 * </pre>
 *
 * <p>Rows are the server's own text format, so every value — NULLs, tabs, newlines, backslashes,
 * any Unicode — comes back through {@code COPY … FROM STDIN} exactly as it went out; the chunk
 * lengths, not the bytes, delimit the data. The {@code end} section and gzip's trailing CRC make a
 * truncated or damaged file fail the restore rather than restore part of the data. The file as a
 * whole is checked against the manifest's SHA-256 before any of it is read.
 */
final class CopyArchive {
  static final byte[] MAGIC = "GLCOPY".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final byte TABLE = 'T';
  static final byte DATA = 'D';
  static final byte END = 'E';

  /** Longer strings than this are a damaged file, not a table definition. */
  static final int MAX_STRING_BYTES = 16 << 20;

  /** Data chunk size: large enough that the framing costs nothing measurable. */
  static final int CHUNK_BYTES = 256 << 10;

  private CopyArchive() {}

  static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw new IOException("a string of " + length + " bytes; the archive is damaged");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Frames whatever is written into chunks of at most {@link #CHUNK_BYTES}; {@link #finish} writes
   * the zero-length chunk that ends the section. Does not close the stream beneath.
   */
  static final class ChunkedOutput extends OutputStream {
    private final DataOutputStream out;
    private final byte[] buffer = new byte[CHUNK_BYTES];
    private int filled;

    ChunkedOutput(DataOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      if (filled == buffer.length) {
        flushChunk();
      }
      buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        if (filled == buffer.length) {
          flushChunk();
        }
        int n = Math.min(length, buffer.length - filled);
        System.arraycopy(bytes, offset, buffer, filled, n);
        filled += n;
        offset += n;
        length -= n;
      }
    }

    void finish() throws IOException {
      flushChunk();
      out.writeInt(0);
    }

    private void flushChunk() throws IOException {
      if (filled > 0) {
        out.writeInt(filled);
        out.write(buffer, 0, filled);
        filled = 0;
      }
    }
  }
}
