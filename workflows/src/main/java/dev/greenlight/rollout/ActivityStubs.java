package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.GateActivities;
import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.NotifyActivities;
import dev.greenlight.rollout.activity.PreflightActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activity stubs a rollout calls, each with the timeouts and retries its work needs. What is
 * never retried is named here: a checksum mismatch or a failed restore test will not pass on a
 * second try, and a plan does not become valid by waiting.
 */
public final class ActivityStubs {
  public final ModeActivities mode =
      stub(
          ModeActivities.class,
          "write the validation mode to Redis",
          Duration.ofSeconds(30),
          retries(10, RolloutConstants.FAILURE_INVALID_PLAN));

  /**
   * Gate reads as regular activities: how rollouts that began before {@link
   * #GATE_READS_AS_LOCAL_ACTIVITIES} read their gates, kept so their histories still replay.
   */
  private final GateActivities remoteGates =
      stub(GateActivities.class, "read metric gates", Duration.ofMinutes(1), retries(3));

  /**
   * Gate reads as local activities. A read is one short query that reports failures inside its
   * result, so it needs neither a task queue round trip nor its own three history events: it runs
   * inside the workflow task and leaves one marker. A soak polls 288 times a day, so this halves
   * the events per poll (and the continue-as-new rate) and the server round trips. A retry here
   * only covers an exception escaping the read, e.g. a worker bug.
   */
  private final GateActivities localGates =
      Workflow.newLocalActivityStub(
          GateActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setScheduleToCloseTimeout(Duration.ofMinutes(3))
              .setRetryOptions(retries(3))
              .build());

  /** The change id that moved gate reads to local activities (see {@link #gates()}). */
  public static final String GATE_READS_AS_LOCAL_ACTIVITIES = "gate-reads-as-local-activities";

  /**
   * The gate reader for this point of the history: the regular activity for histories recorded
   * before the change, the local one from then on. Call it right before each read, never cache it:
   * the version marker must be looked up at the same place on replay.
   */
  public GateActivities gates() {
    int version = Workflow.getVersion(GATE_READS_AS_LOCAL_ACTIVITIES, Workflow.DEFAULT_VERSION, 1);
    return version == Workflow.DEFAULT_VERSION ? remoteGates : localGates;
  }

  public final PreflightActivities preflight =
      stub(
          PreflightActivities.class,
          "pre-flight check",
          Duration.ofMinutes(10),
          retries(3, RolloutConstants.FAILURE_PREFLIGHT));

  public final DataActivities data =
      stub(
          DataActivities.class,
          "backup, verify, restore test, dry run",
          Duration.ofMinutes(30),
          retries(
              3,
              RolloutConstants.FAILURE_CHECKSUM_MISMATCH,
              RolloutConstants.FAILURE_RESTORE_TEST,
              RolloutConstants.FAILURE_MISSING_EVIDENCE));

  /**
   * Apply heartbeats after every batch; a dead worker is noticed within the heartbeat timeout and
   * the retry resumes from the checkpoint the last batch committed.
   */
  public final DataActivities migration =
      Workflow.newActivityStub(
          DataActivities.class,
          options(
                  "apply the stage normalization",
                  Duration.ofHours(12),
                  retries(3, RolloutConstants.FAILURE_MISSING_EVIDENCE))
              .setHeartbeatTimeout(Duration.ofMinutes(2))
              .build());

  /**
   * A notifier whose deliveries show {@code summary} in the Temporal UI. Retried for at most five
   * minutes (six attempts, 2 s doubling); a receiver that refuses the request or a sink that is
   * misconfigured on the worker is not retried. Either way the rollout only counts the failure.
   */
  public NotifyActivities notify(String summary) {
    return Workflow.newActivityStub(
        NotifyActivities.class,
        ActivityOptions.newBuilder()
            .setSummary(summary)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMinutes(5))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setBackoffCoefficient(2)
                    .setMaximumAttempts(6)
                    .setDoNotRetry(
                        NotifyActivities.FAILURE_MISCONFIGURED, NotifyActivities.FAILURE_REFUSED)
                    .build())
            .build());
  }

  /** A stub whose calls show {@code summary}, time out after {@code timeout} and retry so. */
  private static <T> T stub(
      Class<T> activities, String summary, Duration timeout, RetryOptions retries) {
    return Workflow.newActivityStub(activities, options(summary, timeout, retries).build());
  }

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
