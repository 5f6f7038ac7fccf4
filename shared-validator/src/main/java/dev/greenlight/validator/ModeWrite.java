package dev.greenlight.validator;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ModeStore#write} found and did.
 *
 * @param outcome what was done
 * @param found the readable record found before writing; empty when there was none, or it was
 *     unreadable ({@link Outcome#REPLACED_UNREADABLE})
 * @param stored the record stored now: the one written, or for {@link Outcome#ALREADY_SET} and
 *     {@link Outcome#REFUSED} the one found (empty when a refused write found no record)
 * @param replacedProblem for {@link Outcome#REPLACED_UNREADABLE}, what made the old record
 *     unreadable; otherwise empty
 */
public record ModeWrite(
    Outcome outcome,
    Optional<ModeRecord> found,
    Optional<ModeRecord> stored,
    Optional<String> replacedProblem) {

  /** What {@link ModeStore#write} did. */
  public enum Outcome {
    /** The change is stored as a new version. */
    WRITTEN,
    /** The record already said it (a retry after a lost response): nothing written. */
    ALREADY_SET,
    /** Someone else's record is stored and the {@link ModeWriteRule} forbids writing over it. */
    REFUSED,
    /** An unreadable record was replaced by warn at 0 %, as a version above any seen. */
    REPLACED_UNREADABLE
  }

  public ModeWrite {
    Objects.requireNonNull(outcome, "outcome must not be null");
    Objects.requireNonNull(found, "found must not be null");
    Objects.requireNonNull(stored, "stored must not be null");
    Objects.requireNonNull(replacedProblem, "replacedProblem must not be null");
  }

  /** Whether this call wrote a new, audited version. */
  public boolean wrote() {
    return outcome == Outcome.WRITTEN || outcome == Outcome.REPLACED_UNREADABLE;
  }
}
