package dev.greenlight.dataplane.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Restores a {@link CopyArchive} into an empty database: each table created bare, its rows loaded
 * with {@code COPY … FROM STDIN}, then its constraints and indexes, then the foreign keys. All in
 * one transaction on the caller's connection; every statement runs under what is left of the
 * restore test's time limit.
 */
record CopyArchiveRestorer(Path file, long deadlineNanos, long limitMillis) {
  private static final String TIMED_OUT = "57014";

  /**
   * @throws RestoreTestFailedException saying what failed: a damaged or truncated archive, a
   *     statement the scratch database refused, or the time limit
   */
  void restoreInto(Connection c) {
    try (InputStream fileIn = Files.newInputStream(file);
        DataInputStream in =
            new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(fileIn, 1 << 16), 1 << 16))) {
      c.setAutoCommit(false);
      readHeader(in);
      List<String> afterData = new ArrayList<>();
      List<String> foreignKeys = new ArrayList<>();
      int tables = 0;
      for (byte kind = in.readByte(); kind != CopyArchive.END; kind = in.readByte()) {
        if (kind != CopyArchive.TABLE) {
          throw damaged("section '" + (char) kind + "' where a table or the end belongs");
        }
        String schema = CopyArchive.readString(in);
        String table = CopyArchive.readString(in);
        String columns = CopyArchive.readString(in);
        execute(c, "CREATE SCHEMA IF NOT EXISTS " + schema);
        execute(c, CopyArchive.readString(in));
        afterData.addAll(readAll(in));
        foreignKeys.addAll(readAll(in));
        if (in.readByte() != CopyArchive.DATA) {
          throw damaged("no data section after table " + table);
        }
        copyIn(c, in, "COPY " + table + " (" + columns + ") FROM STDIN");
        tables++;
      }
      int expected = in.readInt();
      if (expected != tables || in.read() != -1) {
        throw damaged("the end says " + expected + " tables after " + tables + ", or data follows");
      }
      for (String statement : afterData) {
        execute(c, statement);
      }
      for (String statement : foreignKeys) {
        execute(c, statement);
      }
      c.commit();
    } catch (EOFException e) {
      throw failed("the archive ends early; it is truncated", e);
    } catch (IOException e) {
      throw failed("the archive is damaged: " + e.getMessage(), e);
    } catch (SQLException e) {
      if (TIMED_OUT.equals(e.getSQLState())) {
        throw overLimit(e);
      }
      throw failed("the scratch database refused it: " + e.getMessage(), e);
    }
  }

  private void readHeader(DataInputStream in) throws IOException {
    byte[] magic = new byte[CopyArchive.MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, CopyArchive.MAGIC)) {
      throw damaged("it does not start with " + new String(CopyArchive.MAGIC));
    }
    int version = in.readInt();
    if (version != CopyArchive.VERSION) {
      throw damaged("archive version " + version + ", this build reads " + CopyArchive.VERSION);
    }
  }

  private static List<String> readAll(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > 100_000) {
      throw new IOException(count + " statements in one table section");
    }
    List<String> statements = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      statements.add(CopyArchive.readString(in));
    }
    return statements;
  }

  private void copyIn(Connection c, DataInputStream in, String sql)
      throws IOException, SQLException {
    setTimeout(c);
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      byte[] buffer = new byte[CopyArchive.CHUNK_BYTES];
      for (int length = in.readInt(); length != 0; length = in.readInt()) {
        if (length < 0 || length > buffer.length) {
          throw new IOException("a data chunk of " + length + " bytes");
        }
        in.readFully(buffer, 0, length);
        copy.writeToCopy(buffer, 0, length);
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private void execute(Connection c, String sql) throws SQLException {
    setTimeout(c);
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** What is left of the limit becomes the statement timeout, so no statement can outlast it. */
  private void setTimeout(Connection c) throws SQLException {
    long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remainingMillis <= 0) {
      throw overLimit(null);
    }
    try (Statement s = c.createStatement()) {
      s.execute("SET statement_timeout = " + remainingMillis);
    }
  }

  private IOException damaged(String why) {
    return new IOException(why);
  }

  private RestoreTestFailedException overLimit(Throwable cause) {
    return failed("it did not finish within the " + limitMillis + " ms limit", cause);
  }

  private RestoreTestFailedException failed(String why, Throwable cause) {
    return new RestoreTestFailedException(
        "restore test of " + file + " failed: copy restore: " + why, null, cause);
  }
}
