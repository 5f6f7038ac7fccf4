package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeDowngrade;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.StaleModeVersionException;
import dev.greenlight.validator.UnreadableModeRecordException;
import dev.greenlight.validator.ValidationMode;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Flips the mode through the {@link ModeStore} (versioned by compare-and-set, published to every
 * API instance) and audits each version in {@code mode_change_audit} (DESIGN.md invariant 6).
 *
 * <p>Idempotent: a retry after a lost response finds the mode already set, writes no second
 * version, and still makes sure the audit row exists.
 *
 * <p>A request with an expected version (every ENFORCE flip) writes only over the record the
 * workflow wrote last; anything else there is reported back unwritten. A downgrade writes {@code
 * warn} over whatever is there.
 */
public final class ModeActivitiesImpl implements ModeActivities {
  private static final int CAS_ATTEMPTS = 5;

  private final ModeStore store;
  private final Jdbi jdbi;

  public ModeActivitiesImpl(ModeStore store, Jdbi jdbi) {
    this.store = store;
    this.jdbi = jdbi;
  }

  @Override
  public ModeFlipResult flipMode(ModeFlipRequest request) {
    ModeChange change =
        new ModeChange(request.mode(), request.percent(), request.changedBy(), request.reason());
    StaleModeVersionException lastStale = null;
    for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      Optional<ModeRecord> current;
      try {
        current = store.read(request.surface());
      } catch (UnreadableModeRecordException e) {
        return overUnreadable(request, e);
      }
      if (current.isPresent() && isAlreadyDone(request, current.get())) {
        audit(request.surface(), null, current.get());
        return result(current.get(), false);
      }
      if (request.expectedVersion() != null && !isOurs(request, current)) {
        // Someone else wrote in between — the webhook's downgrade, a person's lever. Never write
        // ENFORCE over it: the workflow treats it as a rollback (safety invariant 3).
        return current
            .map(r -> result(r, true))
            .orElseGet(
                () ->
                    new ModeFlipResult(null, 0, 0, true, "nobody", "the mode record was deleted"));
      }
      try {
        ModeRecord written =
            store.compareAndSet(
                request.surface(), current.map(ModeRecord::version).orElse(0L), change);
        audit(request.surface(), current.orElse(null), written);
        return result(written, false);
      } catch (StaleModeVersionException e) {
        // Someone wrote in between: read again. A conditional write then sees their record and
        // refuses; a downgrade writes warn over it.
        lastStale = e;
      }
    }
    throw lastStale;
  }

  /**
   * The stored record cannot be read. A downgrade replaces it with warn — a new, audited version
   * above any it held (safety invariant 3); nothing else is written over it.
   */
  private ModeFlipResult overUnreadable(ModeFlipRequest request, UnreadableModeRecordException e) {
    if (request.mode() != ValidationMode.WARN || request.percent() != 0) {
      if (request.expectedVersion() == null) {
        // A caller from before conditional flips (a rollout on the legacy loop) knows no refusal:
        // it fails, as it always did, rather than believe a flip that did not land.
        throw e;
      }
      return new ModeFlipResult(
          null, 0, 0, true, "unknown", "the mode record cannot be read: " + e.getMessage());
    }
    ModeDowngrade downgrade =
        store.downgradeToWarn(request.surface(), request.changedBy(), request.reason());
    ModeRecord stored =
        downgrade
            .stored()
            .orElseThrow(() -> new IllegalStateException("no record after " + downgrade));
    audit(request.surface(), null, stored);
    return result(stored, false);
  }

  /**
   * The record already says what the request asks for: a retry after a lost response. A conditional
   * write counts it only when this writer wrote it.
   */
  private static boolean isAlreadyDone(ModeFlipRequest request, ModeRecord current) {
    return current.mode() == request.mode()
        && current.enforcePercent() == request.percent()
        && (request.expectedVersion() == null || request.changedBy().equals(current.changedBy()));
  }

  /**
   * Whether the stored record is the one the workflow wrote last: its version when the workflow
   * knows it, else its writer (state carried from before versions were tracked).
   */
  private static boolean isOurs(ModeFlipRequest request, Optional<ModeRecord> current) {
    long expected = request.expectedVersion();
    if (expected > 0) {
      return current.map(ModeRecord::version).orElse(0L) == expected;
    }
    return current.map(r -> request.changedBy().equals(r.changedBy())).orElse(true);
  }

  private void audit(String surface, ModeRecord before, ModeRecord after) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO mode_change_audit"
                        + " (surface, old_mode, new_mode, old_percent, new_percent, version,"
                        + " changed_by, reason)"
                        + " VALUES (:surface, :oldMode, :newMode, :oldPercent, :newPercent,"
                        + " :version, :changedBy, :reason)"
                        + " ON CONFLICT (surface, version) DO NOTHING")
                .bind("surface", surface)
                .bind("oldMode", before == null ? null : before.mode().wireName())
                .bind("newMode", after.mode().wireName())
                .bind("oldPercent", before == null ? null : (Integer) before.enforcePercent())
                .bind("newPercent", after.enforcePercent())
                .bind("version", after.version())
                .bind("changedBy", after.changedBy())
                .bind("reason", after.reason())
                .execute());
  }

  private static ModeFlipResult result(ModeRecord record, boolean refused) {
    return new ModeFlipResult(
        record.mode(),
        record.enforcePercent(),
        record.version(),
        refused,
        record.changedBy(),
        record.reason());
  }
}
