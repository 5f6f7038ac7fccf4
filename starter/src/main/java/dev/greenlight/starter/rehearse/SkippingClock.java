package dev.greenlight.starter.rehearse;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A test environment's simulated clock, moved with a bound in wall time. Temporal's in-process test
 * server now and then stops skipping time with nothing in flight (a time-skipping lock it never
 * releases); from then on its clock moves only in real time, so a simulated day would take a day.
 * Moving the clock therefore fails with {@link Stopped} once it has waited longer than the bound
 * with no real work in flight, and the caller runs again in a fresh environment: every event of a
 * rehearsal or a fuzz trace has a fixed simulated time or waits for a transition, so the re-run is
 * the same run. Shared by {@code greenlight rehearse} and {@code greenlight fuzz}; one per
 * environment, used from one thread.
 */
public final class SkippingClock {
  /** The environment's clock stopped: run again in a fresh one. */
  public static final class Stopped extends RuntimeException {
    Stopped(String message) {
      super(message);
    }
  }

  /** How often a clock still moving asks whether real work is in flight. */
  private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

  private final TestWorkflowEnvironment env;
  private final Duration stuckAfter;
  private final BooleanSupplier workInFlight;

  /**
   * @param stuckAfter how long in wall time moving the clock may take before the environment counts
   *     as stuck
   */
  public SkippingClock(TestWorkflowEnvironment env, Duration stuckAfter) {
    this(env, stuckAfter, () -> false);
  }

  /**
   * @param stuckAfter how long in wall time moving the clock may take, with no real work in flight,
   *     before the environment counts as stuck
   * @param workInFlight whether real work the clock rightly waits for is running, such as a restore
   *     test: the server does not skip time over a running activity, however long it takes
   */
  public SkippingClock(
      TestWorkflowEnvironment env, Duration stuckAfter, BooleanSupplier workInFlight) {
    this.env = env;
    this.stuckAfter = stuckAfter;
    this.workInFlight = workInFlight;
  }

  /**
   * Whether an attempt of one of the workflow's activities is running: what a rehearsal's clock
   * waits for. An activity waiting for its retry is not running; it waits on the clock.
   */
  public static BooleanSupplier activityRunning(TestWorkflowEnvironment env, String workflowId) {
    return () ->
        env
            .getWorkflowClient()
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(env.getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                    .build())
            .getPendingActivitiesList()
            .stream()
            .anyMatch(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);
  }

  /** Moves the clock on by {@code duration}, or fails with {@link Stopped}. */
  public void sleep(Duration duration) {
    ExecutorService sleeper =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "simulated-clock");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<?> moved = sleeper.submit(() -> env.sleep(duration));
      long look = Math.min(LOOK_EVERY.toMillis(), stuckAfter.toMillis());
      long idleSince = System.nanoTime();
      while (true) {
        try {
          moved.get(look, TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException e) {
          if (workInFlight.getAsBoolean()) {
            idleSince = System.nanoTime();
          } else if (System.nanoTime() - idleSince >= stuckAfter.toNanos()) {
            throw new Stopped(
                "the test server's clock stopped at "
                    + Instant.ofEpochMilli(env.currentTimeMillis())
                    + " (it did not reach its target in "
                    + stuckAfter.toMillis()
                    + " ms of wall time with no real work in flight)");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the clock moved", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("moving the clock failed: " + e.getCause(), e.getCause());
    } finally {
      sleeper.shutdownNow();
    }
  }
}
