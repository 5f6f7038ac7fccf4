package dev.greenlight.dataplane.backup;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@link CopyArchive} of some tables through the handle's own connection, so definitions
 * and rows come from the transaction's snapshot — the one the manifest's counts were read in.
 */
final class CopyArchiveWriter {
  private CopyArchiveWriter() {}

  /**
   * Writes {@code tables} into {@code file}. The handle must be inside a REPEATABLE READ
   * transaction; this sets its {@code search_path} to {@code pg_catalog} for the rest of it.
   */
  static void write(Handle h, List<String> tables, Path file) throws IOException, SQLException {
    // Catalog functions then print every name schema-qualified, unambiguous in the scratch copy.
    h.execute("SET LOCAL search_path = pg_catalog");
    List<TableDefinition> definitions = new ArrayList<>();
    for (String table : tables) {
      definitions.add(TableDefinition.read(h, table, tables));
    }
    CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
    try (OutputStream fileOut = Files.newOutputStream(file);
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(new GZIPOutputStream(fileOut, 1 << 16), 1 << 16))) {
      out.write(CopyArchive.MAGIC);
      out.writeInt(CopyArchive.VERSION);
      for (TableDefinition d : definitions) {
        out.writeByte(CopyArchive.TABLE);
        CopyArchive.writeString(out, d.schema());
        CopyArchive.writeString(out, d.table());
        CopyArchive.writeString(out, d.columns());
        CopyArchive.writeString(out, d.createTable());
        writeAll(out, d.afterData());
        writeAll(out, d.foreignKeys());
        out.writeByte(CopyArchive.DATA);
        CopyArchive.ChunkedOutput data = new CopyArchive.ChunkedOutput(out);
        copy.copyOut("COPY " + d.table() + " (" + d.columns() + ") TO STDOUT", data);
        data.finish();
      }
      out.writeByte(CopyArchive.END);
      out.writeInt(definitions.size());
    }
  }

  private static void writeAll(DataOutputStream out, List<String> statements) throws IOException {
    out.writeInt(statements.size());
    for (String statement : statements) {
      CopyArchive.writeString(out, statement);
    }
  }
}
