package dev.greenlight.starter.rehearse;

import dev.greenlight.dataplane.migration.MigrationProgress;
import dev.greenlight.rollout.DataActivitiesImpl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rehearsal adds to the real data plane: it records the migration's progress after every
 * committed batch (for the report), and it can crash the first {@code crashes} apply attempts right
 * after their first committed batch — the batch stays committed, so the next attempt must resume
 * from the checkpoint. Thread-safe.
 */
final class RehearsalData implements DataActivitiesImpl.BatchObserver {
  /** One committed batch, or a crash right after one. */
  record Progress(
      long atMillis,
      int attempt,
      long batch,
      long rowsDone,
      long estimatedTotal,
      long lastId,
      double rowsPerSecond,
      boolean crashed) {}

  private final List<Progress> progress = new ArrayList<>();
  private final Set<Long> attempts = new HashSet<>();
  private final Set<Long> crashing = new HashSet<>();
  private int crashesLeft;

  RehearsalData(int crashes) {
    this.crashesLeft = crashes;
  }

  synchronized List<Progress> progress() {
    return List.copyOf(progress);
  }

  @Override
  public synchronized void onBatch(long attemptScheduledAtMillis, MigrationProgress p) {
    if (attempts.add(attemptScheduledAtMillis) && crashesLeft > 0) {
      crashesLeft--;
      crashing.add(attemptScheduledAtMillis);
    }
    boolean crash = crashing.contains(attemptScheduledAtMillis);
    progress.add(
        new Progress(
            attemptScheduledAtMillis,
            attempts.size(),
            p.batch(),
            p.rowsDone(),
            p.estimatedTotal(),
            p.lastId(),
            p.rowsPerSecond(),
            crash));
    if (crash) {
      throw new SimulatedCrash(p);
    }
  }

  /** The scenario's crash: thrown after a committed batch, so the batch before it stays. */
  private static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(MigrationProgress p) {
      super(
          "simulated worker crash after batch "
              + p.batch()
              + " (checkpoint at id "
              + p.lastId()
              + ", "
              + p.rowsDone()
              + " rows done)");
    }
  }
}
