package dev.greenlight.rollout;

import io.temporal.common.SearchAttributeKey;

/** Names the worker, the starter and the ops webhook must agree on. */
public final class RolloutConstants {
  public static final String TASK_QUEUE = "greenlight-rollouts";

  /** Workflow ids are {@code rollout-<plan name>}, so one plan has one running rollout. */
  public static final String WORKFLOW_ID_PREFIX = "rollout-";

  /** The plan a command steers when told none: the v3.4 stage normalization. */
  public static final String DEFAULT_PLAN = "stage-normalization-v3.4";

  /** The workflow id of {@link #DEFAULT_PLAN}; a constant so picocli defaults can name it. */
  public static final String DEFAULT_WORKFLOW_ID = WORKFLOW_ID_PREFIX + DEFAULT_PLAN;

  /**
   * Names the rollout the webhook and the CLI steer when told none; {@link #DEFAULT_WORKFLOW_ID}.
   */
  public static final String WORKFLOW_ID_ENV = "GREENLIGHT_ROLLOUT_ID";

  /**
   * A rollout writes the mode record as {@code changedBy = greenlight:<workflow id>}, which tells
   * its own records from everyone else's.
   */
  public static final String MODE_WRITER_PREFIX = "greenlight:";

  public static final SearchAttributeKey<String> PHASE =
      SearchAttributeKey.forKeyword("GreenlightPhase");
  public static final SearchAttributeKey<String> MODE =
      SearchAttributeKey.forKeyword("GreenlightMode");
  public static final SearchAttributeKey<Long> PERCENT =
      SearchAttributeKey.forLong("GreenlightPercent");

  /** Approval step names the workflow waits on. */
  public static final String APPROVE_EXTERNAL_CONSUMERS = "external-consumers";

  public static final String APPROVE_MIGRATION = "migration";
  public static final String APPROVE_MIGRATION_RESUME = "migration-resume";
  public static final String APPROVE_DISTINCT_STAGES = "distinct-stages";

  /** Go on although an earlier attempt of the rollout left its migration unfinished. */
  public static final String APPROVE_EARLIER_MIGRATION = "earlier-migration";

  /** Non-retryable failure types raised by activities. */
  public static final String FAILURE_CHECKSUM_MISMATCH = "ChecksumMismatch";

  public static final String FAILURE_RESTORE_TEST = "RestoreTestFailed";
  public static final String FAILURE_INVALID_PLAN = "InvalidPlan";
  public static final String FAILURE_PREFLIGHT = "PreflightFailed";
  public static final String FAILURE_MISSING_EVIDENCE = "MissingBackupEvidence";
  public static final String FAILURE_PG_TOOLS = "PgToolsUnusable";

  /** A test knob: new rollouts in this process run the pre-safety-semantics loop. */
  public static final String LEGACY_PROPERTY = "greenlight.workflow.legacy";

  private RolloutConstants() {}

  public static String workflowId(String planName) {
    return WORKFLOW_ID_PREFIX + planName;
  }

  /** The {@code changedBy} of the mode records the rollout {@code workflowId} writes. */
  public static String modeWriter(String workflowId) {
    return MODE_WRITER_PREFIX + workflowId;
  }
}
