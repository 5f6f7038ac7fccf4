package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A faithful fake of the data plane for fuzzing: the same steps, the same failure types, and the
 * one rule that matters to the rollout — apply refuses to start without a backup of the same run id
 * that was verified and restore-tested (as {@code BackupGuard} does) — without PostgreSQL dumps, so
 * thousands of rollouts fit in minutes. Faults from the trace make steps fail for good. Every call
 * is logged for the oracle, which checks the guard independently.
 */
final class FuzzData implements DataActivities {
  private final Function<String, TraceContext> traces;
  private final Set<String> proven = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> stage = new ConcurrentHashMap<>();

  FuzzData(Function<String, TraceContext> traces) {
    this.traces = traces;
  }

  private TraceContext trace() {
    return traces.apply(FuzzActivities.currentWorkflowId());
  }

  @Override
  public List<String> unfinishedMigrations(String exceptRunId) {
    return List.of();
  }

  @Override
  public BackupResult backup(String runId) {
    step("backup", runId, "backup-fails", "pg_dump: could not write backup file");
    stage.put(runId, 1);
    return result(runId);
  }

  @Override
  public BackupResult verifyBackup(String runId, String manifestPath) {
    step("verify", runId, null, null);
    stage.computeIfPresent(runId, (r, s) -> Math.max(s, 2));
    return result(runId);
  }

  @Override
  public RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis) {
    step("restore-test", runId, "restore-test-fails", "restore test over its limit");
    if (stage.getOrDefault(runId, 0) >= 2) {
      proven.add(runId);
    }
    return new RestoreTestResult(1_000, 10_000, 14);
  }

  @Override
  public DryRunResult dryRun(String runId) {
    step("dry-run", runId, "dry-run-fails", "permission denied for table portfolio_companies");
    return new DryRunResult(10_000, 4_000, 0, Map.of("Series A → series-a", 900L), Map.of());
  }

  @Override
  public MigrationResult applyMigration(MigrationRequest request) {
    TraceContext trace = trace();
    if (!proven.contains(request.runId())) {
      trace.dataCalled("apply", request.runId(), false);
      throw ApplicationFailure.newNonRetryableFailure(
          "no verified, restore-tested backup for run " + request.runId(),
          dev.greenlight.rollout.RolloutConstants.FAILURE_MISSING_EVIDENCE);
    }
    if (trace.nextApplyCrashes()) {
      trace.dataCalled("apply", request.runId(), false);
      throw ApplicationFailure.newNonRetryableFailure("simulated worker crash", "MigrationCrashed");
    }
    trace.dataCalled("apply", request.runId(), true);
    return new MigrationResult(10_000, 4_000, 0, 10);
  }

  @Override
  public DistinctStagesResult verifyDistinctStages() {
    // As after a rehearsal's migration: the seeded junk the normalizer cannot map is left, and a
    // person approves going on with it.
    trace().dataCalled("verify-distinct", null, true);
    return new DistinctStagesResult(false, Map.of("???", 40L, "tbd", 12L));
  }

  private void step(String step, String runId, String fault, String message) {
    TraceContext trace = trace();
    if (fault != null && trace.faultHolds(fault)) {
      trace.dataCalled(step, runId, false);
      throw ApplicationFailure.newNonRetryableFailure(
          message + " (fuzz fault " + fault + ")", fault);
    }
    trace.dataCalled(step, runId, true);
  }

  private static BackupResult result(String runId) {
    return new BackupResult(
        "/fuzz/" + runId + ".json", "ab".repeat(32), 1_000_000, 10_000, "copy", null);
  }
}
