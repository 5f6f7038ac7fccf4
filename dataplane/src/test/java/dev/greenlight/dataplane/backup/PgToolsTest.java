package dev.greenlight.dataplane.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.DatabaseAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgToolsTest {
  @TempDir Path dir;

  @Test
  void missingToolFailsSayingWhereItLookedAndHowToFix() {
    PgToolMissingException e =
        assertThrows(
            PgToolMissingException.class,
            () -> PgTools.inDirectory(dir).require("pg_dump", 15, "15.20"));
    assertTrue(e.getMessage().contains("pg_dump not found"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(PgTools.BIN_DIR_ENV), e.getMessage());
  }

  @Test
  void toolOlderThanTheServerFailsNamingBothVersionsAndTheFix() throws Exception {
    fakeTool("pg_dump", "pg_dump (PostgreSQL) 14.11");
    PgToolTooOldException e =
        assertThrows(
            PgToolTooOldException.class,
            () -> PgTools.inDirectory(dir).require("pg_dump", 15, "15.20"));
    assertTrue(e.getMessage().contains("is version 14"), e.getMessage());
    assertTrue(e.getMessage().contains("PostgreSQL 15.20"), e.getMessage());
    assertTrue(e.getMessage().contains("postgresql-client-15"), e.getMessage());
  }

  @Test
  void toolOfTheServersVersionOrNewerIsAccepted() throws Exception {
    fakeTool("pg_restore", "pg_restore (PostgreSQL) 16.2 (Debian 16.2-1)");
    PgTools.Tool tool = PgTools.inDirectory(dir).require("pg_restore", 15, "15.20");
    assertEquals(16, tool.major());
    assertEquals(dir.resolve("pg_restore"), tool.path());
  }

  @Test
  void passwordReachesToolsThroughTheEnvironmentNeverTheCommandLine() throws Exception {
    fakeTool("pg_dump", "pg_dump (PostgreSQL) 15.0");
    DatabaseAddress address =
        DatabaseAddress.fromJdbcUrl(
            "jdbc:postgresql://db.example:6543/app?user=rollout&password=s3cr%26t&sslmode=require");
    List<String> command =
        PgCommands.connection(PgTools.inDirectory(dir).require("pg_dump", 15, "15"), address);

    assertFalse(String.join(" ", command).contains("s3cr"), command.toString());
    assertTrue(command.containsAll(List.of("-h", "db.example", "-p", "6543", "-U", "rollout")));
    assertEquals("s3cr&t", address.toolEnvironment().get("PGPASSWORD"));
    assertEquals("require", address.toolEnvironment().get("PGSSLMODE"));
    assertFalse(address.toString().contains("s3cr"), address.toString());
  }

  private void fakeTool(String name, String versionLine) throws Exception {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\necho '" + versionLine + "'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
