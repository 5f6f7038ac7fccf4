package dev.greenlight.dataplane.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackupFormatPolicyTest {
  @Test
  void namesParseIgnoringCaseAndBlanks() {
    assertEquals(BackupFormatPolicy.PG_DUMP, BackupFormatPolicy.parse("pg_dump", "x"));
    assertEquals(BackupFormatPolicy.COPY, BackupFormatPolicy.parse(" Copy ", "x"));
    assertEquals(BackupFormatPolicy.AUTO, BackupFormatPolicy.parse("AUTO", "x"));
  }

  @Test
  void unknownNameIsRefusedNamingValueSourceAndAllowedOnes() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BackupFormatPolicy.parse("pgdump", BackupFormatPolicy.ENV));

    assertEquals(
        "GREENLIGHT_BACKUP_FORMAT must be one of pg_dump, copy, auto but was 'pgdump'",
        e.getMessage());
  }
}
