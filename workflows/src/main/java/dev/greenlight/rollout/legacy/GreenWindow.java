package dev.greenlight.rollout.legacy;

import dev.greenlight.rollout.RolloutState;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.GateVerdicts;
import java.util.List;

/**
 * A time-anchored green window over successive gate reads. It opens when a step starts or just
 * after the latest red reading; an error restarts it (an error is never green); it is green once it
 * has lasted its length with readings covering at least 95 % of it.
 *
 * <p>Unlike a count of consecutive successes, a failed scrape cannot silently keep a streak alive:
 * missing samples lower the coverage, and errors restart the window.
 */
final class GreenWindow {
  private GreenWindow() {}

  static void open(RolloutState state, long atMillis) {
    state.gates.greenSinceMillis = atMillis;
    state.gates.lastReadToMillis = atMillis;
    state.gates.windowSamplesExpected = 0;
    state.gates.windowSamplesPresent = 0;
  }

  /** Folds one read of {@code [lastReadTo, toMillis]} into the window. */
  static void observe(RolloutState state, List<GateSummary> summaries, long toMillis) {
    long restartAt = -1;
    for (GateSummary s : summaries) {
      if (s.outcome() == GateSummary.Outcome.ERROR) {
        restartAt = Math.max(restartAt, toMillis);
      } else if (s.lastRedAtMillis() > 0) {
        restartAt = Math.max(restartAt, s.lastRedAtMillis());
      }
    }
    if (restartAt >= 0) {
      open(state, restartAt);
      state.gates.lastReadToMillis = toMillis;
      return;
    }
    for (GateSummary s : summaries) {
      state.gates.windowSamplesExpected += s.samplesExpected();
      state.gates.windowSamplesPresent += s.samplesPresent();
    }
  }

  static long greenFor(RolloutState state, long nowMillis) {
    return Math.max(0, nowMillis - state.gates.greenSinceMillis);
  }

  static double coverage(RolloutState state) {
    return state.gates.windowSamplesExpected == 0
        ? 0
        : (double) state.gates.windowSamplesPresent / state.gates.windowSamplesExpected;
  }

  /**
   * Whether the window has lasted {@code lengthMillis} with enough coverage. A full-length window
   * without coverage restarts now, since its gaps would otherwise count against it forever.
   */
  static boolean isGreen(RolloutState state, long nowMillis, long lengthMillis) {
    if (greenFor(state, nowMillis) < lengthMillis) {
      return false;
    }
    if (coverage(state) >= GateVerdicts.MIN_COVERAGE) {
      return true;
    }
    open(state, nowMillis);
    return false;
  }
}
