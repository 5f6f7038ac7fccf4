package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.CopyText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The {@code stage_normalization_log} rows of one batch, buffered as COPY text and written with one
 * {@code COPY}: PostgreSQL inserts COPY rows in multi-row batches, measured at about half the cost
 * of {@code INSERT … SELECT} for the same rows. Not thread-safe; one per batch.
 */
final class LogRows {
  private static final String COPY =
      "COPY stage_normalization_log (run_id, batch, company_id, old_stage, normalized_stage)"
          + " FROM STDIN";

  private final String prefix;
  private final StringBuilder text = new StringBuilder(1 << 16);
  private int size;

  LogRows(String runId, long batch) {
    this.prefix = CopyText.field(runId) + '\t' + batch + '\t';
  }

  /** Adds the log row of a rewritten company. Returns true, for use inside a row mapper. */
  boolean rewritten(long companyId, String oldStage, String newStage) {
    append(companyId, oldStage, newStage);
    return true;
  }

  /** Adds the log row of an unmappable company unless this run logged it before. */
  boolean unmappable(long companyId, String stage, Set<Long> loggedBefore) {
    if (!loggedBefore.contains(companyId)) {
      append(companyId, stage, null);
    }
    return true;
  }

  int size() {
    return size;
  }

  /** Writes the rows with one COPY on the batch's connection, inside its transaction. */
  void copyInto(Handle h) {
    if (size == 0) {
      return;
    }
    try {
      PGConnection pg = h.getConnection().unwrap(PGConnection.class);
      try (Writer out =
          new java.io.OutputStreamWriter(
              new PGCopyOutputStream(pg, COPY, 1 << 16), StandardCharsets.UTF_8)) {
        out.append(text);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("COPY into stage_normalization_log failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException("COPY into stage_normalization_log failed", e);
    }
  }

  private void append(long companyId, String oldStage, String newStage) {
    text.append(prefix)
        .append(companyId)
        .append('\t')
        .append(CopyText.field(oldStage))
        .append('\t')
        .append(CopyText.field(newStage))
        .append('\n');
    size++;
  }
}
