package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleBiFunction;

/**
 * Everything that happened in one fuzzed (or rehearsed) rollout, as the invariant oracle sees it:
 * the ground truth the trace scripted and what really happened in Redis and the data plane, next to
 * the workflow's own transition log. Times are simulated epoch milliseconds.
 *
 * @param plan the plan the rollout ran (thresholds, windows, breach rules, poll interval)
 * @param startMillis when the rollout started
 * @param metrics the scripted value of every gate at any time, and when reads of it failed
 * @param transitions the workflow's transitions, in order
 * @param modeWrites every write to the rollout's mode record, by anyone, in order
 * @param sent every alert and command sent to the workflow, in order, with its answer
 * @param faults the faults injected, with their windows
 * @param dataCalls every data-plane step the workflow ran, in order
 * @param closeStatus how the execution closed: COMPLETED, FAILED, TERMINATED, TIMED_OUT, or RUNNING
 *     when the trace's horizon passed first
 * @param finalPhase the rollout's last phase
 * @param maxEventsPerRun the largest history of any of the execution's runs
 * @param carriedStateBytes the size of the state carried across continue-as-new, serialized
 */
public record TraceLog(
    RolloutPlan plan,
    long startMillis,
    MetricTruth metrics,
    List<Transition> transitions,
    List<ModeWrite> modeWrites,
    List<Sent> sent,
    List<FaultWindow> faults,
    List<DataCall> dataCalls,
    String closeStatus,
    Phase finalPhase,
    long maxEventsPerRun,
    long carriedStateBytes) {

  /** The scripted truth of the metrics, by gate name (the plan's gate names). */
  public interface MetricTruth {
    /** The gate's value at {@code atMillis}; NaN when the series has no data then. */
    double valueAt(String gate, long atMillis);

    /** Whether a read of the gate taken at {@code atMillis} fails (the metrics reader is down). */
    boolean readFailsAt(String gate, long atMillis);

    /**
     * The truth that {@code value} and {@code readFails} answer: a metric script's, as a rehearsal
     * or a fuzz trace played it, or a test's.
     */
    static MetricTruth of(
        ToDoubleBiFunction<String, Long> value, BiPredicate<String, Long> readFails) {
      return new MetricTruth() {
        @Override
        public double valueAt(String gate, long atMillis) {
          return value.applyAsDouble(gate, atMillis);
        }

        @Override
        public boolean readFailsAt(String gate, long atMillis) {
          return readFails.test(gate, atMillis);
        }
      };
    }
  }

  /**
   * One write to the mode record.
   *
   * @param writer who wrote it: the workflow ({@code greenlight:<workflow id>}), the webhook
   *     ({@code ops-webhook}), or {@code corruption} for a record made unreadable
   * @param byWorkflow whether the rollout's own workflow wrote it
   * @param mode the mode written; null for a record made unreadable
   */
  public record ModeWrite(
      long atMillis,
      String writer,
      boolean byWorkflow,
      ValidationMode mode,
      int percent,
      long version) {}

  /**
   * An alert or a command as sent.
   *
   * @param kind {@code alert} or the command's name ({@code approve}, {@code pause}, {@code
   *     resume}, {@code abort}, {@code promote}, {@code retry-canary}, {@code extend-warn})
   * @param accepted false when the workflow refused the command
   * @param answer the workflow's answer or its refusal
   */
  public record Sent(long atMillis, String kind, boolean accepted, String answer) {}

  /**
   * An injected fault and when it held.
   *
   * @param kind e.g. {@code mode-flips-fail}, {@code backup-fails}, {@code restore-test-fails},
   *     {@code dry-run-fails}, {@code migration-crash}, {@code webhook-writes-warn}, {@code
   *     unreadable-mode-record}
   * @param untilMillis when it stopped holding; equal to {@code fromMillis} for a one-off
   */
  public record FaultWindow(String kind, long fromMillis, long untilMillis) {}

  /**
   * One data-plane step.
   *
   * @param step {@code backup}, {@code verify}, {@code restore-test}, {@code dry-run}, {@code
   *     apply} or {@code verify-distinct}
   * @param runId the run id the step was keyed by
   * @param succeeded whether it returned normally
   */
  public record DataCall(long atMillis, String step, String runId, boolean succeeded) {}
}
