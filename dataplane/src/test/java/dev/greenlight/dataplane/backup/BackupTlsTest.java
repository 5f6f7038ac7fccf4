package dev.greenlight.dataplane.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.TestDatabase;
import dev.greenlight.localservices.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS parameters of the JDBC URL reach {@code pg_dump}, {@code pg_restore} and the restore
 * test's scratch connections, against the test PostgreSQL's own TLS listener (skipped when it has
 * none). The Jdbi stays on the plain URL, so every failure here is the tools' or the scratch
 * connection's own.
 */
class BackupTlsTest {
  private static TestDatabase db;
  private static Path serverCert;
  @TempDir static Path noTools;
  @TempDir Path dir;

  @BeforeAll
  static void database() {
    db = TestDatabase.seeded("gl_backuptls", 200, 2);
    String ssl = db.jdbi().withHandle(h -> h.createQuery("SHOW ssl").mapTo(String.class).one());
    String cert =
        db.jdbi().withHandle(h -> h.createQuery("SHOW ssl_cert_file").mapTo(String.class).one());
    serverCert = Path.of(cert);
    assumeTrue(
        ssl.equals("on") && Files.isReadable(serverCert),
        "the test PostgreSQL has no TLS listener whose certificate this test can read");
  }

  @AfterAll
  static void drop() {
    if (db != null) {
      db.close();
    }
  }

  /** The test database at {@code host}, with this sslmode and root certificate. */
  private static DatabaseAddress tls(String host, String sslMode, String rootCert) {
    DatabaseAddress plain = db.address();
    return new DatabaseAddress(
        host,
        plain.port(),
        plain.database(),
        plain.user(),
        plain.password(),
        sslMode,
        Map.of("sslrootcert", rootCert));
  }

  @Test
  void pgDumpAndPgRestoreConnectWithTheUrlsVerifiedTls() {
    assumeTrue(
        ExternalTools.present("pg_dump", "pg_restore"),
        ExternalTools.skipReason("pg_dump", "pg_restore"));
    // The server's certificate names localhost; verify-ca checks the chain, not the name.
    Backups backups =
        new Backups(
            db.jdbi(), tls("127.0.0.1", "verify-ca", serverCert.toString()), PgTools.fromPath());

    BackupResult backup = backups.backup("tls-ok", dir, List.of("portfolio_companies"));
    backups.verify(Path.of(backup.manifestFile()));
    RestoreTestResult restored = backups.restoreTest(Path.of(backup.manifestFile()));

    assertEquals(backup.manifest().tables(), restored.restoredTables());
  }

  @Test
  void pgDumpIsGivenTheUrlsSslModeAndRootCertificate() {
    assumeTrue(ExternalTools.present("pg_dump"), ExternalTools.skipReason("pg_dump"));
    Backups wrongName =
        new Backups(
            db.jdbi(), tls("127.0.0.1", "verify-full", serverCert.toString()), PgTools.fromPath());
    Backups missingRoot =
        new Backups(
            db.jdbi(),
            tls("127.0.0.1", "verify-ca", dir.resolve("no-such-ca.pem").toString()),
            PgTools.fromPath());

    BackupFailedException name =
        assertThrows(
            BackupFailedException.class,
            () -> wrongName.backup("tls-name", dir, List.of("portfolio_companies")));
    BackupFailedException root =
        assertThrows(
            BackupFailedException.class,
            () -> missingRoot.backup("tls-root", dir, List.of("portfolio_companies")));

    assertTrue(name.getMessage().contains("does not match host name"), name.getMessage());
    assertTrue(root.getMessage().contains("no-such-ca.pem"), root.getMessage());
  }

  @Test
  void scratchConnectionsOfTheRestoreTestUseTheUrlsTls() {
    Backups good =
        new Backups(
            db.jdbi(),
            tls("localhost", "verify-full", serverCert.toString()),
            PgTools.inDirectory(noTools),
            BackupFormatPolicy.COPY);
    Backups missingRoot =
        new Backups(
            db.jdbi(),
            tls("localhost", "verify-full", dir.resolve("no-such-ca.pem").toString()),
            PgTools.inDirectory(noTools),
            BackupFormatPolicy.COPY);
    BackupResult backup = good.backup("tls-scratch", dir, List.of("portfolio_companies"));

    RestoreTestFailedException e =
        assertThrows(
            RestoreTestFailedException.class,
            () -> missingRoot.restoreTest(Path.of(backup.manifestFile())));
    assertTrue(e.getMessage().contains("could not connect to scratch database"), e.getMessage());

    RestoreTestResult restored = good.restoreTest(Path.of(backup.manifestFile()));
    assertEquals(backup.manifest().tables(), restored.restoredTables());
  }
}
