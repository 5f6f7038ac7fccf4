package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import dev.greenlight.starter.fuzz.TraceLog.DataCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** A data plane whose every step is logged, with its run id and outcome, for the oracle. */
public final class RecordingDataActivities implements DataActivities {
  private final DataActivities delegate;
  private final LongSupplier clock;
  private final List<DataCall> calls = new ArrayList<>();

  public RecordingDataActivities(DataActivities delegate, LongSupplier clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  public synchronized List<DataCall> calls() {
    return List.copyOf(calls);
  }

  private <T> T logged(String step, String runId, Supplier<T> call) {
    try {
      T result = call.get();
      add(step, runId, true);
      return result;
    } catch (RuntimeException e) {
      add(step, runId, false);
      throw e;
    }
  }

  private synchronized void add(String step, String runId, boolean ok) {
    calls.add(new DataCall(clock.getAsLong(), step, runId, ok));
  }

  @Override
  public List<String> unfinishedMigrations(String exceptRunId) {
    return delegate.unfinishedMigrations(exceptRunId);
  }

  @Override
  public BackupResult backup(String runId) {
    return logged("backup", runId, () -> delegate.backup(runId));
  }

  @Override
  public BackupResult verifyBackup(String runId, String manifestPath) {
    return logged("verify", runId, () -> delegate.verifyBackup(runId, manifestPath));
  }

  @Override
  public RestoreTestResult restoreTest(String runId, String manifestPath, long timeLimitMillis) {
    return logged(
        "restore-test", runId, () -> delegate.restoreTest(runId, manifestPath, timeLimitMillis));
  }

  @Override
  public DryRunResult dryRun(String runId) {
    return logged("dry-run", runId, () -> delegate.dryRun(runId));
  }

  @Override
  public MigrationResult applyMigration(MigrationRequest request) {
    return logged("apply", request.runId(), () -> delegate.applyMigration(request));
  }

  @Override
  public DistinctStagesResult verifyDistinctStages() {
    return logged("verify-distinct", null, delegate::verifyDistinctStages);
  }
}
