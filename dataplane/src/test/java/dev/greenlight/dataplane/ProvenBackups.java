package dev.greenlight.dataplane;

import dev.greenlight.dataplane.backup.BackupEvidenceStore;
import dev.greenlight.dataplane.backup.BackupManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Records backup evidence for a run without running pg_dump, for tests whose subject is the
 * migration rather than the backup: a small real file with its real digest, recorded as backed up,
 * verified and restore-tested. The guard then re-hashes the file as it would a real dump.
 */
public final class ProvenBackups {
  private ProvenBackups() {}

  /** Writes a stand-in backup file under {@code dir} and records it as fully proven for the run. */
  public static Path prove(Jdbi jdbi, String runId, Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(runId + ".dump");
      Files.writeString(file, "stand-in backup for " + runId);
      String sha =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      String database =
          jdbi.withHandle(
              h -> h.createQuery("SELECT current_database()").mapTo(String.class).one());
      BackupManifest manifest =
          new BackupManifest(
              BackupManifest.FORMAT_VERSION,
              runId,
              file.getFileName().toString(),
              sha,
              Files.size(file),
              database,
              "test",
              "test",
              List.of(new BackupManifest.TableRows("public.portfolio_companies", 0)),
              null,
              "2026-01-01T00:00:00Z",
              0,
              "pg_dump",
              "test");
      BackupEvidenceStore store = new BackupEvidenceStore(jdbi);
      String manifestFile = dir.resolve(runId + ".manifest.json").toString();
      store.recordBackup(runId, manifestFile, manifest, file.toString(), null);
      store.markVerified(runId, file.toString(), sha);
      store.recordRestoreTestPassed(runId, file.toString(), 1);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
