package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.starter.fuzz.TraceLog.ModeWrite;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.UnreadableModeRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The mode record's writes as they really landed, in simulated time, for the oracle: the workflow's
 * (through {@link #wrap}) and the webhook's or a corruption's, staged as faults ({@link
 * #afterOneOff}). Shared by {@code greenlight fuzz} and {@code greenlight rehearse}. Thread-safe.
 */
public final class ModeWriteRecorder {
  private final LongSupplier clock;
  private final List<ModeWrite> writes = new ArrayList<>();

  public ModeWriteRecorder(LongSupplier clock) {
    this.clock = clock;
  }

  /** {@code delegate}, with every write it lands recorded; a refused or idempotent call is not. */
  public ModeActivities wrap(ModeActivities delegate) {
    return new Recorded(delegate);
  }

  private final class Recorded implements ModeActivities {
    private final ModeActivities delegate;

    Recorded(ModeActivities delegate) {
      this.delegate = delegate;
    }

    @Override
    public ModeFlipResult flipMode(ModeFlipRequest request) {
      ModeFlipResult result = delegate.flipMode(request);
      landed(request, result);
      return result;
    }
  }

  /** Records {@code result} when it landed a new version; a refused or idempotent call did not. */
  public synchronized void landed(ModeFlipRequest request, ModeFlipResult result) {
    if (result.refused()) {
      return;
    }
    ModeWrite last = writes.isEmpty() ? null : writes.get(writes.size() - 1);
    if (last == null || last.version() != result.version()) {
      writes.add(
          new ModeWrite(
              clock.getAsLong(),
              request.changedBy(),
              true,
              result.mode(),
              result.percent(),
              result.version()));
    }
  }

  /** The version stored now, -1 when there is none or it cannot be read. */
  public static long versionNow(ModeStore store, String surface) {
    return readable(store, surface).map(ModeRecord::version).orElse(-1L);
  }

  /** Records what a one-off fault did to the record, given the version stored before it. */
  public synchronized void afterOneOff(
      String kind, ModeStore store, String surface, long versionBefore) {
    long now = clock.getAsLong();
    if (kind.equals("webhook-writes-warn")) {
      readable(store, surface)
          .filter(r -> r.version() != versionBefore)
          .ifPresent(
              r ->
                  writes.add(
                      new ModeWrite(
                          now, r.changedBy(), false, r.mode(), r.enforcePercent(), r.version())));
    } else if (kind.equals("unreadable-mode-record") && versionBefore > 0) {
      writes.add(new ModeWrite(now, "corruption", false, null, 0, versionBefore));
    }
  }

  public synchronized List<ModeWrite> writes() {
    return List.copyOf(writes);
  }

  private static Optional<ModeRecord> readable(ModeStore store, String surface) {
    try {
      return store.read(surface);
    } catch (UnreadableModeRecordException e) {
      return Optional.empty();
    }
  }
}
