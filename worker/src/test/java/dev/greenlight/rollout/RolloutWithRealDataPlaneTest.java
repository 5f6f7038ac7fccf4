package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.Stage;
import dev.greenlight.validator.StageNormalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole runbook with the real pre-flight and data activities: access-log audit, Redis probe,
 * pg_dump backup, checksum, restore test and the batched migration on a seeded table.
 */
class RolloutWithRealDataPlaneTest {
  @TempDir Path workDir;
  private RolloutTestKit kit;

  @AfterEach
  void close() {
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void realDataPlaneRolloutNormalizesEveryMappableRowOnce() throws Exception {
    kit = RolloutTestKit.withRealDataPlane(workDir, 2_000);
    Map<Long, String> before = stages();
    kit.start(script -> {});

    RolloutStatus dryRun = kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    long toChange = dryRun.dryRun().rowsToChange();
    assertTrue(toChange > 0, "the seeded table needs changes");
    assertEquals(before, stages(), "the dry run wrote nothing");

    kit.workflow()
        .approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run reviewed"));
    kit.awaitPending(RolloutConstants.APPROVE_DISTINCT_STAGES); // the seeded junk stays unmappable
    kit.workflow()
        .approve(
            new ApproveInput(
                RolloutConstants.APPROVE_DISTINCT_STAGES, "alice", "junk goes to the data team"));
    RolloutResult result = kit.result();

    assertEquals(Phase.COMPLETED, result.outcome(), result.reason());
    Map<Long, String> after = stages();
    StageNormalizer normalizer = StageNormalizer.defaults();
    long changed = 0;
    for (Map.Entry<Long, String> row : before.entrySet()) {
      Stage expected = normalizer.normalize(row.getValue());
      String want = expected == null ? row.getValue() : expected.wireName();
      assertEquals(want, after.get(row.getKey()), "company " + row.getKey());
      if (want != null && !want.equals(row.getValue())) {
        changed++;
      }
    }
    assertEquals(toChange, changed);
    long logRows =
        kit.jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(DISTINCT company_id) FROM stage_normalization_log WHERE normalized_stage IS NOT NULL")
                    .mapTo(Long.class)
                    .one());
    assertEquals(changed, logRows, "exactly one log row per changed company");
    List<String> evidence =
        kit.jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT run_id FROM rollout_backup_evidence WHERE restore_test_passed_at IS NOT NULL")
                    .mapTo(String.class)
                    .list());
    String attempt = kit.status().attemptId();
    assertTrue(
        evidence.contains(attempt) && !attempt.equals(kit.workflowId),
        "restore-tested backup recorded under the attempt's own id " + attempt + ": " + evidence);
  }

  private Map<Long, String> stages() {
    Map<Long, String> stages = new java.util.HashMap<>();
    kit.jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, stage FROM portfolio_companies")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), String.valueOf(rs.getString(2))))
                .forEach(
                    e ->
                        stages.put(e.getKey(), "null".equals(e.getValue()) ? null : e.getValue())));
    return stages;
  }
}
