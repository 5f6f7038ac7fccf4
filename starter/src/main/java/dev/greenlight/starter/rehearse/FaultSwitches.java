package dev.greenlight.starter.rehearse;

import dev.greenlight.starter.fuzz.TraceLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which injected faults hold, from when until when in simulated epoch milliseconds, and every fault
 * injected so far. The rehearsal switches faults on as the scenario reaches them; {@link
 * FaultyModeActivities} and {@link FaultyDataActivities} ask, at each activity attempt's scheduled
 * (simulated) time, whether theirs holds. Thread-safe: activities ask from worker threads.
 *
 * <p>Timed kinds hold over {@code [from, until)}; {@link #FOR_GOOD} means until the rehearsal ends.
 * One-off kinds are done by the rehearsal itself at their time and only recorded here.
 */
public final class FaultSwitches {
  /** Every mode write the workflow's activity attempts fails, as if Redis refused it. */
  public static final String MODE_FLIPS_FAIL = "mode-flips-fail";

  /** The data plane's backup step fails. */
  public static final String BACKUP_FAILS = "backup-fails";

  /** The restore test fails. */
  public static final String RESTORE_TEST_FAILS = "restore-test-fails";

  /** The migration's dry run fails. */
  public static final String DRY_RUN_FAILS = "dry-run-fails";

  /** The webhook's downgrade lands in Redis, its {@code autoDowngrade} signal never arrives. */
  public static final String WEBHOOK_WRITES_WARN = "webhook-writes-warn";

  /** The stored mode record's {@code changedAt} is overwritten so that it no longer parses. */
  public static final String UNREADABLE_MODE_RECORD = "unreadable-mode-record";

  /**
   * A migration apply attempt crashed after a committed batch (the scenario's migrationCrashes).
   */
  public static final String MIGRATION_CRASH = "migration-crash";

  /** The kinds that hold for a while (a scenario's {@code for}, or until the end). */
  public static final List<String> TIMED =
      List.of(MODE_FLIPS_FAIL, BACKUP_FAILS, RESTORE_TEST_FAILS, DRY_RUN_FAILS);

  /** The kinds that happen once. */
  public static final List<String> ONE_OFF = List.of(WEBHOOK_WRITES_WARN, UNREADABLE_MODE_RECORD);

  /** Every kind a scenario's {@code fault:} may name. */
  public static final List<String> KINDS =
      List.of(
          MODE_FLIPS_FAIL,
          BACKUP_FAILS,
          RESTORE_TEST_FAILS,
          DRY_RUN_FAILS,
          WEBHOOK_WRITES_WARN,
          UNREADABLE_MODE_RECORD);

  /** The {@code untilMillis} of a fault that holds until the rehearsal ends. */
  public static final long FOR_GOOD = Long.MAX_VALUE;

  /** The failure type the faulty activities throw. */
  public static final String FAILURE_TYPE = "InjectedFault";

  private static final Set<String> TIMED_SET = Set.copyOf(TIMED);

  private final List<TraceLog.FaultWindow> injected = new ArrayList<>();

  public static boolean isOneOff(String kind) {
    return ONE_OFF.contains(kind);
  }

  /**
   * Switches the timed fault {@code kind} on over {@code [fromMillis, untilMillis)}.
   *
   * @param untilMillis {@link #FOR_GOOD} for a fault that holds until the end
   * @throws IllegalArgumentException for a kind that is not timed, or an empty window
   */
  public synchronized void hold(String kind, long fromMillis, long untilMillis) {
    if (!TIMED_SET.contains(kind)) {
      throw new IllegalArgumentException(
          "fault '" + kind + "' does not hold over time; timed faults are " + TIMED);
    }
    if (untilMillis <= fromMillis) {
      throw new IllegalArgumentException(
          "fault " + kind + " must end after it starts: " + fromMillis + " to " + untilMillis);
    }
    injected.add(new TraceLog.FaultWindow(kind, fromMillis, untilMillis));
  }

  /** Records a one-off fault (or a migration crash) done at {@code atMillis}. */
  public synchronized void recordOneOff(String kind, long atMillis) {
    injected.add(new TraceLog.FaultWindow(kind, atMillis, atMillis));
  }

  /** Whether a timed fault {@code kind} holds at {@code atMillis}. */
  public boolean holds(String kind, long atMillis) {
    return holding(kind, atMillis).isPresent();
  }

  /** The window of {@code kind} holding at {@code atMillis} that ends last, if any holds. */
  public synchronized Optional<TraceLog.FaultWindow> holding(String kind, long atMillis) {
    TraceLog.FaultWindow found = null;
    for (TraceLog.FaultWindow w : injected) {
      if (w.kind().equals(kind)
          && w.fromMillis() <= atMillis
          && atMillis < w.untilMillis()
          && (found == null || w.untilMillis() > found.untilMillis())) {
        found = w;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Every fault injected, in time order (by {@code fromMillis}), a window that outlasts {@code
   * endMillis} (one {@link #FOR_GOOD} included) cut at it: a fault stops holding when the rehearsal
   * ends.
   */
  public synchronized List<TraceLog.FaultWindow> injected(long endMillis) {
    List<TraceLog.FaultWindow> out = new ArrayList<>();
    for (TraceLog.FaultWindow w : injected) {
      out.add(
          new TraceLog.FaultWindow(
              w.kind(),
              w.fromMillis(),
              Math.max(w.fromMillis(), Math.min(w.untilMillis(), endMillis))));
    }
    out.sort(java.util.Comparator.comparingLong(TraceLog.FaultWindow::fromMillis));
    return out;
  }

  /** Says until when a holding window lasts: an instant, or "for good". */
  static String until(TraceLog.FaultWindow w) {
    return w.untilMillis() == FOR_GOOD
        ? "for good"
        : "until " + Instant.ofEpochMilli(w.untilMillis());
  }
}
