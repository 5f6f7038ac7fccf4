package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.StaleModeVersionException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Flips the mode through the {@link ModeStore} (versioned by compare-and-set, published to every
 * API instance) and audits each version in {@code mode_change_audit} (DESIGN.md invariant 6).
 *
 * <p>Idempotent: a retry after a lost response finds the mode already set, writes no second
 * version, and still makes sure the audit row exists.
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
      Optional<ModeRecord> current = store.read(request.surface());
      if (current.isPresent()
          && current.get().mode() == request.mode()
          && current.get().enforcePercent() == request.percent()) {
        audit(request.surface(), null, current.get());
        return result(current.get());
      }
      try {
        ModeRecord written =
            store.compareAndSet(
                request.surface(), current.map(ModeRecord::version).orElse(0L), change);
        audit(request.surface(), current.orElse(null), written);
        return result(written);
      } catch (StaleModeVersionException e) {
        // Someone else (the webhook, a human) wrote in between: read again and decide again.
        lastStale = e;
      }
    }
    throw lastStale;
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

  private static ModeFlipResult result(ModeRecord record) {
    return new ModeFlipResult(record.mode(), record.enforcePercent(), record.version());
  }
}
