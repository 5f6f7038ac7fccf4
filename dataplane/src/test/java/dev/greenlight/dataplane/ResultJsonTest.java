package dev.greenlight.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.dataplane.backup.BackupManifest;
import dev.greenlight.dataplane.backup.BackupResult;
import dev.greenlight.dataplane.backup.RestoreTestResult;
import dev.greenlight.dataplane.backup.VerifyResult;
import dev.greenlight.dataplane.migration.DistinctStagesReport;
import dev.greenlight.dataplane.migration.DryRunReport;
import dev.greenlight.dataplane.migration.MigrationProgress;
import dev.greenlight.dataplane.migration.MigrationResult;
import dev.greenlight.dataplane.migration.MigrationStatus;
import dev.greenlight.dataplane.schema.SchemaResult;
import dev.greenlight.dataplane.seed.SeedCategory;
import dev.greenlight.dataplane.seed.SeedReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every result an activity returns or heartbeats survives a plain Jackson round trip — no modules,
 * as Temporal's default converter needs no more.
 */
class ResultJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void resultsRoundTripThroughPlainJackson() throws Exception {
    BackupManifest manifest =
        new BackupManifest(
            1,
            "r",
            "f.dump",
            "ab".repeat(32),
            10,
            "db",
            "15.2",
            "pg_dump 15",
            List.of(new BackupManifest.TableRows("public.portfolio_companies", 5)),
            3L,
            "2026-01-01T00:00:00Z",
            7,
            "pg_dump",
            "pg_dump 15");
    List<Object> values =
        List.of(
            new SchemaResult("4", 4),
            new SeedReport(1, 10, 1, 10, Map.of(SeedCategory.JUNK, 10L), 0, 0, 10, 0, 3, 5),
            manifest,
            new BackupResult(
                "r",
                "/b/f.dump",
                "/b/f.manifest.json",
                manifest,
                12,
                "pg_dump format, as configured"),
            new VerifyResult("r", "/b/f.dump", "ab".repeat(32), 10, 3),
            new RestoreTestResult(
                "r", "/b/f.dump", "gl_restore_x", manifest.tables(), 3L, 5, 9, 300_000),
            new MigrationProgress("r", 3, 900, 900, 1_000, 300, 20, 300, 120, 2_500.5, 40, 360, 1),
            new MigrationResult(
                "r",
                MigrationStatus.COMPLETED,
                1_000,
                null,
                4,
                1_000,
                400,
                30,
                20,
                4,
                1_000,
                0,
                400,
                500,
                2_000.0),
            new DryRunReport(
                10,
                5,
                3,
                1,
                1,
                4,
                List.of(new DryRunReport.StageMapping("Series A", "series-a", 3)),
                false,
                List.of(new DryRunReport.UnmappableValue("TBD", 1, List.of(7L))),
                false,
                2),
            new DistinctStagesReport(
                false,
                10,
                List.of(new DistinctStagesReport.StageCount("seed", 9)),
                0,
                true,
                List.of(new DistinctStagesReport.OffendingValue("TBD", 1, List.of(7L))),
                1,
                1,
                3));
    for (Object value : values) {
      String text = json.writeValueAsString(value);
      assertEquals(value, json.readValue(text, value.getClass()), text);
    }
  }
}
