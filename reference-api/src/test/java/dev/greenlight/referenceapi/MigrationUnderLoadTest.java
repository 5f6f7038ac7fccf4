package dev.greenlight.referenceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.dataplane.backup.BackupResult;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.dataplane.migration.MigrationOptions;
import dev.greenlight.dataplane.migration.MigrationResult;
import dev.greenlight.dataplane.migration.MigrationRun;
import dev.greenlight.dataplane.migration.MigrationStatus;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.dataplane.schema.Schema;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.referenceapi.load.LoadGenerator;
import dev.greenlight.referenceapi.load.LoadPlan;
import dev.greenlight.referenceapi.load.LoadReport;
import dev.greenlight.referenceapi.load.StageKind;
import dev.greenlight.validator.Stage;
import dev.greenlight.validator.StageNormalizer;
import dev.greenlight.validator.ValidationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API-under-load variant of the data plane's crash tests: while the reference API (in warn)
 * keeps taking writes, the stage migration runs, PostgreSQL is restarted under both, and the
 * migration resumes from its checkpoint. Nothing is lost or done twice, and the API recovers
 * without a restart. The data plane's own {@code CrashResumeTest} already covers a terminated
 * backend at every fault point without an API; this test owns an embedded server it restarts for
 * real, on the same port and data directory.
 */
class MigrationUnderLoadTest {
  private static final int ROWS = 30_000;
  private static final String RUN = "refapi-restart";
  private static final int RESTART_AFTER_BATCH = 4;

  @TempDir Path dir;

  @Test
  void migrationResumesFromItsCheckpointAfterARestartUnderApiWritesLosingAndDoublingNothing()
      throws Exception {
    StageNormalizer normalizer = StageNormalizer.defaults();
    try (OwnedPostgres postgres = new OwnedPostgres(dir.resolve("pgdata"))) {
      String url = postgres.jdbcUrl();
      Jdbi jdbi = Jdbi.create(url);
      Schema.migrate(url);
      new PortfolioSeeder(jdbi, normalizer).seed(ROWS, 11);
      Map<Long, String> original = stages(jdbi, "id <= " + ROWS);
      proveBackup(jdbi, url);

      try (ApiRig rig = new ApiRig(url, TestServices.redis().url())) {
        rig.setMode(ValidationMode.WARN, 0);
        LoadPlan plan =
            LoadPlan.to(rig.base)
                .withBounds(1_000_000, Duration.ofSeconds(8))
                .withConsumers(100, "migration-", 4)
                .withStageMix(6, 2, 2)
                .withEndpointMix(6, 2, 2);
        CompletableFuture<LoadReport> load =
            CompletableFuture.supplyAsync(() -> LoadGenerator.run(plan));

        CountDownLatch restartNow = new CountDownLatch(1);
        MigrationOptions options =
            MigrationOptions.builder().fixedBatchSize(1_000).maxRowsPerSecond(8_000).build();
        CompletableFuture<MigrationResult> first =
            CompletableFuture.supplyAsync(
                () ->
                    new StageMigration(jdbi, normalizer)
                        .apply(
                            RUN,
                            options,
                            progress -> {
                              if (progress.batch() == RESTART_AFTER_BATCH) {
                                restartNow.countDown();
                              }
                            },
                            () -> false));
        assertTrue(restartNow.await(30, TimeUnit.SECONDS), "migration reached the restart point");
        postgres.restart();
        ExecutionException crashed =
            assertThrows(ExecutionException.class, () -> first.get(30, TimeUnit.SECONDS));
        System.out.println("first apply ended by the restart: " + crashed.getCause());

        MigrationRun checkpoint = new StageMigration(jdbi, normalizer).status(RUN).orElseThrow();
        MigrationResult resumed =
            new StageMigration(jdbi, normalizer).apply(RUN, options, p -> {}, () -> false);
        LoadReport report = load.get(30, TimeUnit.SECONDS);
        System.out.println("migration " + resumed + "\nload " + report);

        assertEquals(MigrationStatus.COMPLETED, resumed.status());
        assertTrue(
            checkpoint.lastId() >= RESTART_AFTER_BATCH * 1_000L,
            "batches committed before the restart are checkpointed: " + checkpoint);
        assertEquals(
            resumed.rowsScanned() - checkpoint.totals().rowsScanned(),
            resumed.rowsScannedThisCall(),
            "the resumed call scanned only what lay after the checkpoint");
        assertEveryOriginalRowIsTheNormalizersAnswer(jdbi, normalizer, original);
        assertOneLogRowPerChangedCompany(jdbi, normalizer, original);

        assertEquals(0, report.transportErrors(), report.toString());
        assertEquals(0, report.count(500), "no request failed other than as unavailable");
        assertEquals(
            report.serverErrors(), report.count(503), "the restart shows only as 503: " + report);
        assertTrue(report.count(201) > 0, report.toString());
        assertEquals(
            201,
            rig.post("after", "{\"name\":\"after\",\"stage\":\"Series A\"}").statusCode(),
            "the API writes again without a restart");
        assertApiRowsAreWhatWarnStores(jdbi);
      }
    }
  }

  private void proveBackup(Jdbi jdbi, String url) {
    // auto: pg_dump where it is installed, the JDBC copy format on a JDK-only machine.
    Backups backups =
        new Backups(
            jdbi, DatabaseAddress.fromJdbcUrl(url), PgTools.fromPath(), BackupFormatPolicy.AUTO);
    BackupResult backup = backups.backup(RUN, dir.resolve("backups"), List.of());
    backups.verify(Path.of(backup.manifestFile()));
    backups.restoreTest(Path.of(backup.manifestFile()));
  }

  private static void assertEveryOriginalRowIsTheNormalizersAnswer(
      Jdbi jdbi, StageNormalizer normalizer, Map<Long, String> original) {
    Map<Long, String> now = stages(jdbi, "id <= " + ROWS);
    assertEquals(original.keySet(), now.keySet(), "no seeded row lost");
    for (Map.Entry<Long, String> row : original.entrySet()) {
      assertEquals(
          expected(normalizer, row.getValue()), now.get(row.getKey()), "id " + row.getKey());
    }
  }

  private static void assertOneLogRowPerChangedCompany(
      Jdbi jdbi, StageNormalizer normalizer, Map<Long, String> original) {
    Set<Long> changed = new HashSet<>();
    original.forEach(
        (id, stage) -> {
          if (stage != null && !stage.equals(expected(normalizer, stage))) {
            changed.add(id);
          }
        });
    List<Long> logged =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT company_id FROM stage_normalization_log"
                            + " WHERE run_id = :run AND normalized_stage IS NOT NULL")
                    .bind("run", RUN)
                    .mapTo(Long.class)
                    .list());
    assertEquals(changed.size(), logged.size(), "one log row per changed company, none twice");
    assertEquals(changed, new HashSet<>(logged));
  }

  private static void assertApiRowsAreWhatWarnStores(Jdbi jdbi) {
    Set<String> allowed = new HashSet<>(Stage.wireNames());
    allowed.addAll(StageKind.UNKNOWN.spellings());
    Map<Long, String> apiRows = stages(jdbi, "id > " + ROWS);
    assertTrue(apiRows.size() > 1, "the API wrote during the migration");
    apiRows.forEach((id, stage) -> assertTrue(allowed.contains(stage), id + ": " + stage));
  }

  private static String expected(StageNormalizer normalizer, String stage) {
    String canonical = stage == null ? null : normalizer.normalizeToWireName(stage);
    return canonical == null ? stage : canonical;
  }

  private static Map<Long, String> stages(Jdbi jdbi, String where) {
    Map<Long, String> stages = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, stage FROM portfolio_companies WHERE " + where)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), String.valueOf(rs.getString(2))))
                .forEach(
                    e ->
                        stages.put(e.getKey(), "null".equals(e.getValue()) ? null : e.getValue())));
    return stages;
  }
}
