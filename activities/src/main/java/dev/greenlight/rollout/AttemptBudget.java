package dev.greenlight.rollout;

import io.temporal.activity.ActivityInfo;
import java.time.Duration;

/**
 * How long the work of one activity attempt may run so that it ends — killed by its own limit, with
 * a message saying so — before Temporal's start-to-close timeout gives the attempt up and schedules
 * a retry while the first {@code pg_dump} may still be writing. The margin leaves room for what
 * follows the long step: hashing the dump, writing the manifest, recording the evidence.
 */
record AttemptBudget(Duration startToClose, Duration elapsed) {
  static final Duration MIN_MARGIN = Duration.ofMinutes(1);

  /** The budget of the running attempt, {@code startedNanos} being when its method began. */
  static AttemptBudget of(ActivityInfo info, long startedNanos) {
    return new AttemptBudget(
        info.getStartToCloseTimeout(), Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /**
   * {@code wanted}, shortened to what is left of the attempt less a margin of a tenth of its
   * start-to-close timeout (at least {@link #MIN_MARGIN}); {@code wanted} itself when the attempt
   * has no start-to-close timeout. Never below one second, so a step still runs and fails with its
   * own message rather than not at all.
   */
  Duration fit(Duration wanted) {
    if (startToClose == null || startToClose.isZero() || startToClose.isNegative()) {
      return wanted;
    }
    Duration margin = startToClose.dividedBy(10);
    if (margin.compareTo(MIN_MARGIN) < 0) {
      margin = MIN_MARGIN;
    }
    Duration left = startToClose.minus(elapsed).minus(margin);
    Duration floor = Duration.ofSeconds(1);
    if (left.compareTo(floor) < 0) {
      left = floor;
    }
    return wanted.compareTo(left) <= 0 ? wanted : left;
  }
}
