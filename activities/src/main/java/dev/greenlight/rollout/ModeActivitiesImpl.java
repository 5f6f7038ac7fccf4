package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ModeWrite;
import dev.greenlight.validator.ModeWriteRule;
import dev.greenlight.validator.UnreadableModeRecordException;
import org.jdbi.v3.core.Jdbi;

/**
 * Flips the mode through the {@link ModeStore} (versioned by compare-and-set, published to every
 * API instance) and audits each version in {@code mode_change_audit} (DESIGN.md invariant 6).
 *
 * <p>Idempotent: a retry after a lost response finds the mode already set, writes no second
 * version, and still makes sure the audit row exists.
 *
 * <p>The write is {@link ModeStore#write}, the one mode protocol: a request with an expected
 * version (every ENFORCE flip) writes only over the record the workflow wrote last ({@link
 * ModeWriteRule#overOurs}); anything else there is reported back unwritten. A downgrade writes
 * {@code warn} over whatever is there, an unreadable record included.
 */
public final class ModeActivitiesImpl implements ModeActivities {
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
    ModeWriteRule rule =
        request.expectedVersion() == null
            ? ModeWriteRule.overAny()
            : ModeWriteRule.overOurs(request.expectedVersion());
    ModeWrite write;
    try {
      write = store.write(request.surface(), change, rule);
    } catch (UnreadableModeRecordException e) {
      if (!rule.conditional()) {
        // A caller from before conditional flips (a rollout on the legacy loop) knows no refusal:
        // it fails, as it always did, rather than believe a flip that did not land.
        throw e;
      }
      return new ModeFlipResult(
          null, 0, 0, true, "unknown", "the mode record cannot be read: " + e.getMessage());
    }
    switch (write.outcome()) {
      case REFUSED:
        // Someone else wrote in between — the webhook's downgrade, a person's lever. The workflow
        // treats it as a rollback (safety invariant 3).
        return write
            .found()
            .map(r -> result(r, true))
            .orElseGet(
                () ->
                    new ModeFlipResult(null, 0, 0, true, "nobody", "the mode record was deleted"));
      case ALREADY_SET:
        // A retry after a lost response: make sure the audit row exists, write no version.
        audit(request.surface(), null, write.stored().orElseThrow());
        return result(write.stored().orElseThrow(), false);
      default:
        ModeRecord written = write.stored().orElseThrow();
        audit(request.surface(), write.found().orElse(null), written);
        return result(written, false);
    }
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
