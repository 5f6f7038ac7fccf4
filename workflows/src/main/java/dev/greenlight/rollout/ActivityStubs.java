package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.GateActivities;
import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.PreflightActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activity stubs a rollout calls, each with the timeouts and retries its work needs. What is
 * never retried is named here: a checksum mismatch or a failed restore test will not pass on a
 * second try, and a plan does not become valid by waiting.
 */
final class ActivityStubs {
  final ModeActivities mode =
      Workflow.newActivityStub(
          ModeActivities.class,
          options(
                  "write the validation mode to Redis",
                  Duration.ofSeconds(30),
                  retries(10, RolloutConstants.FAILURE_INVALID_PLAN))
              .build());

  /**
   * Gate reads report failures inside their result, so the workflow can count them; a retry here
   * only covers a worker dying mid-read.
   */
  final GateActivities gates =
      Workflow.newActivityStub(
          GateActivities.class,
          options("read metric gates", Duration.ofMinutes(1), retries(3)).build());

  final PreflightActivities preflight =
      Workflow.newActivityStub(
          PreflightActivities.class,
          options(
                  "pre-flight check",
                  Duration.ofMinutes(10),
                  retries(3, RolloutConstants.FAILURE_PREFLIGHT))
              .build());

  final DataActivities data =
      Workflow.newActivityStub(
          DataActivities.class,
          options(
                  "backup, verify, restore test, dry run",
                  Duration.ofMinutes(30),
                  retries(
                      3,
                      RolloutConstants.FAILURE_CHECKSUM_MISMATCH,
                      RolloutConstants.FAILURE_RESTORE_TEST,
                      RolloutConstants.FAILURE_MISSING_EVIDENCE))
              .build());

  /**
   * Apply heartbeats after every batch; a dead worker is noticed within the heartbeat timeout and
   * the retry resumes from the checkpoint the last batch committed.
   */
  final DataActivities migration =
      Workflow.newActivityStub(
          DataActivities.class,
          options(
                  "apply the stage normalization",
                  Duration.ofHours(12),
                  retries(3, RolloutConstants.FAILURE_MISSING_EVIDENCE))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .build());

  private static ActivityOptions.Builder options(
      String summary, Duration timeout, RetryOptions retries) {
    return ActivityOptions.newBuilder()
        .setSummary(summary)
        .setStartToCloseTimeout(timeout)
        .setRetryOptions(retries);
  }

  private static RetryOptions retries(int attempts, String... doNotRetry) {
    return RetryOptions.newBuilder()
        .setMaximumAttempts(attempts)
        .setMaximumInterval(Duration.ofSeconds(30))
        .setDoNotRetry(doNotRetry)
        .build();
  }
}
