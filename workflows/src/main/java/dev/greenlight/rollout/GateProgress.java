package dev.greenlight.rollout;

import dev.greenlight.rollout.gates.GateSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rollout has read of its gates: the last readings, the read errors in a row, how long
 * they have been green and each gate's trailing window. Part of {@link RolloutState};
 * workflow-thread only.
 */
public final class GateProgress {
  public List<GateSummary> lastReadings = new ArrayList<>();
  public int consecutiveGateErrors;
  public long lastReadToMillis;
  public long greenSinceMillis;
  public long windowSamplesExpected;
  public long windowSamplesPresent;
  public boolean enforceBlocked;
  public Double baselineUnknownFraction;

  /** Each gate's trailing window, by gate name; see {@code GateWindows}. */
  public Map<String, GateWindow> gateWindows = new LinkedHashMap<>();
}
