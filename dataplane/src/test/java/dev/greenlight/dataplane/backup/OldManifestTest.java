package dev.greenlight.dataplane.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.DataPlaneException;
import dev.greenlight.dataplane.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests written before the copy format existed, and manifests naming a format unknown here. */
class OldManifestTest {
  private static TestDatabase db;
  @TempDir static Path noTools;
  @TempDir Path dir;

  @BeforeAll
  static void database() {
    db = TestDatabase.create("gl_oldmanifest");
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  /** Exactly the fields the first manifest version had: no format, no tool. */
  private Path oldManifest(String formatLine) throws Exception {
    Path dump = Files.writeString(dir.resolve("old.dump"), "PGDMP stand-in bytes");
    String json =
        """
        {
          "formatVersion" : 1,
          "runId" : "old-run",
          "backupFile" : "old.dump",
          "sha256" : "%s",
          "sizeBytes" : %d,
          "database" : "%s",
          "serverVersion" : "15.20",
          "pgDumpVersion" : "pg_dump (PostgreSQL) 15.20",
          "tables" : [ { "table" : "public.portfolio_companies", "rows" : 3 } ],
          "distinctStages" : 2,
          "createdAt" : "2026-01-01T00:00:00Z",%s
          "dumpMillis" : 5
        }"""
            .formatted(Sha256.of(dump), Files.size(dump), db.name(), formatLine);
    return Files.writeString(dir.resolve("old.manifest.json"), json);
  }

  /** Records the backup as a worker of that time did: the dump's checksum, no manifest checksum. */
  private BackupManifest recordedAsThen(Path manifestFile) throws Exception {
    BackupManifest manifest = ManifestFiles.read(manifestFile);
    new BackupEvidenceStore(db.jdbi())
        .recordBackup(
            "old-run",
            manifestFile.toString(),
            manifest,
            ManifestFiles.backupFileOf(manifestFile, manifest).toString(),
            null);
    return manifest;
  }

  @Test
  void manifestWithoutFormatReadsAsPgDumpAndStillVerifies() throws Exception {
    Path manifestFile = oldManifest("");
    BackupManifest manifest = recordedAsThen(manifestFile);

    VerifyResult verified =
        new Backups(db.jdbi(), db.address(), PgTools.inDirectory(noTools)).verify(manifestFile);

    assertEquals(BackupFormat.PG_DUMP, manifest.backupFormat());
    assertEquals("pg_dump", manifest.format());
    assertEquals("pg_dump (PostgreSQL) 15.20", manifest.tool());
    assertEquals(manifest.sha256(), verified.sha256());
    assertNotNull(new BackupEvidenceStore(db.jdbi()).forRun("old-run").get(0).verifiedAt());
  }

  @Test
  void restoreTestOfAnOldManifestNeedsPgRestore() throws Exception {
    Path manifestFile = oldManifest("");
    recordedAsThen(manifestFile);
    Backups backups =
        new Backups(db.jdbi(), db.address(), PgTools.inDirectory(noTools), BackupFormatPolicy.AUTO);

    var e = assertThrows(PgToolMissingException.class, () -> backups.restoreTest(manifestFile));

    assertEquals("pg_restore", e.tool(), "a pg_dump archive is never fed to the copy restore");
  }

  @Test
  void unknownFormatIsRefusedNamingItAndTheKnownOnes() throws Exception {
    Path manifestFile = oldManifest("\n  \"format\" : \"tar\",");

    var e = assertThrows(DataPlaneException.class, () -> ManifestFiles.read(manifestFile));

    assertTrue(e.getMessage().contains("'tar'"), e.getMessage());
    assertTrue(e.getMessage().contains("pg_dump, copy"), e.getMessage());
  }
}
