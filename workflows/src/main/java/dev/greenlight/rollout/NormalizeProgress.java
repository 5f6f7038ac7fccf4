package dev.greenlight.rollout;

import dev.greenlight.rollout.RolloutState.NormalizeStep;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the data steps are: the next step, the verified backup, the dry run's and the migration's
 * results, and the stage values found offending. Part of {@link RolloutState}; workflow-thread
 * only.
 */
public final class NormalizeProgress {
  public NormalizeStep normalizeStep = NormalizeStep.BACKUP;
  public String manifestPath;
  public DryRunResult dryRun;
  public MigrationResult migration;
  public Map<String, Long> offendingStages = new LinkedHashMap<>();
}
