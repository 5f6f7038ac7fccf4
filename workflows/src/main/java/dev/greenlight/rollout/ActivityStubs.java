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
  final ModeActivities mode;
  final GateActivities gates;
  final PreflightActivities preflight;
  final DataActivities data;
  final DataActivities migration;

  ActivityStubs() {
    mode =
        Workflow.newActivityStub(
            ModeActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setSummary("write the validation mode to Redis")
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(10)
                        .setMaximumInterval(Duration.ofSeconds(30))
                        .setDoNotRetry(RolloutConstants.FAILURE_INVALID_PLAN)
                        .build())
                .build());
    // Gate reads report failures inside their result, so the workflow can count them; a retry
    // here only covers a worker dying mid-read.
    gates =
        Workflow.newActivityStub(
            GateActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setSummary("read metric gates")
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                .build());
    preflight =
        Workflow.newActivityStub(
            PreflightActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(10))
                .setSummary("pre-flight check")
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(3)
                        .setDoNotRetry(RolloutConstants.FAILURE_PREFLIGHT)
                        .build())
                .build());
    data =
        Workflow.newActivityStub(
            DataActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(30))
                .setSummary("backup, verify, restore test, dry run")
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(3)
                        .setDoNotRetry(
                            RolloutConstants.FAILURE_CHECKSUM_MISMATCH,
                            RolloutConstants.FAILURE_RESTORE_TEST,
                            RolloutConstants.FAILURE_MISSING_EVIDENCE)
                        .build())
                .build());
    // Apply heartbeats after every batch; a dead worker is noticed within the heartbeat timeout
    // and the retry resumes from the checkpoint the batch committed.
    migration =
        Workflow.newActivityStub(
            DataActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofHours(12))
                .setHeartbeatTimeout(Duration.ofMinutes(2))
                .setSummary("apply the stage normalization")
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(3)
                        .setDoNotRetry(RolloutConstants.FAILURE_MISSING_EVIDENCE)
                        .build())
                .build());
  }
}
