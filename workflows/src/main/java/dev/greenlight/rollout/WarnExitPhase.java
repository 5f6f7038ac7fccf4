package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.plan.GateSpec;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.WarnExitSpec;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ActivityFailure;
import java.time.Duration;

/**
 * After the soak, by the calendar: day {@code k} is {@code [start + k·period, start +
 * (k+1)·period)}, and its unknown rate is read once, at its end, over that day alone (the plan's
 * daily query evaluated at the day's end). A read that fails is retried every {@code period / 24}
 * until the end of the next day; a day that could not be read is not good. The rollout completes
 * after the plan's run of consecutive good days. Every day that ends by the cap is read, the last
 * one included; without the run by then the rollout needs attention, with the mode left as it is.
 *
 * <p>A "day" is the plan's {@code warnExit.period}, one day unless a compressed plan says
 * otherwise.
 */
final class WarnExitPhase {
  private WarnExitPhase() {}

  static void tick(RolloutContext c) {
    RolloutState s = c.state;
    WarnExitSpec spec = c.plan.warnExit();
    long day = spec.period().toMillis();
    long dayEnd = s.warnExit.warnExitStartedAtMillis + (s.warnExit.warnExitDay + 1) * day;
    long capEnd = s.warnExit.warnExitStartedAtMillis + spec.cap().toMillis();
    if (dayEnd > capEnd) {
      String lastRun = "the last run of good days was " + s.warnExit.warnExitGoodDays;
      c.end(
          Phase.NEEDS_ATTENTION,
          RolloutWording.noGoodRunWithinCap(spec, lastRun) + "; the mode is left as it is");
      return;
    }
    if (c.now() < dayEnd) {
      c.sleep(
          Duration.ofMillis(dayEnd - c.now()), "warn exit: day " + (s.warnExit.warnExitDay + 1));
      return;
    }
    if (s.warnExit.warnExitFailedReads == 0
        && s.mode == ValidationMode.ENFORCE
        && !c.stillEnforcing()) {
      // A downgrade someone else wrote (its signal lost): rolled back, the exit starts over later.
      return;
    }
    GateSpec gate = spec.unknownRate();
    String error = null;
    double value = Double.NaN;
    try {
      InstantReading reading =
          c.activities.gates().readInstant(new InstantRequest(gate.name(), gate.query(), dayEnd));
      value = reading.value();
      error = Double.isNaN(value) ? (reading.error() == null ? "no data" : reading.error()) : null;
    } catch (ActivityFailure e) {
      error = Failures.describe(e);
    }
    int dayNumber = s.warnExit.warnExitDay + 1;
    if (error == null) {
      countDay(c, spec, dayNumber, value);
    } else if (c.now() < dayEnd + day) {
      if (s.warnExit.warnExitFailedReads++ == 0) {
        c.record(
            "day " + dayNumber + " could not be read (" + error + "); retrying within the day",
            NotifyEvent.RETRYING);
      }
      c.sleep(Duration.ofMillis(Math.max(1000, day / 24)), "warn exit: retrying day " + dayNumber);
      return;
    } else {
      s.warnExit.warnExitGoodDays = 0;
      c.record(
          "day "
              + dayNumber
              + " could not be read within a day ("
              + error
              + "); it is not good and the count starts again");
    }
    s.warnExit.warnExitDay++;
    s.warnExit.warnExitFailedReads = 0;
    if (s.warnExit.warnExitGoodDays >= spec.requiredGoodDays()) {
      c.end(Phase.COMPLETED, RolloutWording.goodRun(spec));
    }
  }

  private static void countDay(RolloutContext c, WarnExitSpec spec, int dayNumber, double value) {
    RolloutState s = c.state;
    if (spec.unknownRate().isGreen(value)) {
      s.warnExit.warnExitGoodDays++;
      c.record(
          RolloutWording.goodDay(s.warnExit, spec)
              + " (day "
              + dayNumber
              + "): unknown rate "
              + RolloutWording.percent(value));
    } else {
      s.warnExit.warnExitGoodDays = 0;
      c.record(
          "day "
              + dayNumber
              + " not good (unknown rate "
              + RolloutWording.percent(value)
              + "); the count starts again");
    }
  }
}
