package dev.greenlight.validator;

import java.util.Optional;

/**
 * Which stored record a {@link ModeStore#write} may write over, and when the record already counts
 * as written: the one rule that tells a retry of our own write from someone else's write.
 *
 * <ul>
 *   <li>{@link #overAny()}: over any readable record; the manual lever and every downgrade.
 *   <li>{@link #overOurs(long)}: only over the record this writer ({@link ModeChange#changedBy()})
 *       wrote last. A record anyone else wrote — the webhook's downgrade, a person's lever — is
 *       left as it is and reported, because writing ENFORCE over it would swallow a downgrade
 *       (safety invariant 3).
 * </ul>
 *
 * @param lastWrittenVersion for {@link #overOurs}: the version this writer wrote last; 0 when it
 *     does not know it (state carried from before versions were tracked), then the record's writer
 *     decides. Negative for {@link #overAny()}.
 */
public record ModeWriteRule(long lastWrittenVersion) {
  private static final ModeWriteRule OVER_ANY = new ModeWriteRule(-1);

  /** Writes over any readable record. */
  public static ModeWriteRule overAny() {
    return OVER_ANY;
  }

  /**
   * Writes only over the record this writer wrote last, known by {@code lastWrittenVersion} (0: by
   * its writer).
   *
   * @throws IllegalArgumentException when {@code lastWrittenVersion} is negative
   */
  public static ModeWriteRule overOurs(long lastWrittenVersion) {
    if (lastWrittenVersion < 0) {
      throw new IllegalArgumentException(
          "lastWrittenVersion must be 0 or more but was " + lastWrittenVersion);
    }
    return new ModeWriteRule(lastWrittenVersion);
  }

  /** Whether only this writer's own record may be written over. */
  public boolean conditional() {
    return lastWrittenVersion >= 0;
  }

  /**
   * Whether {@code current} already says what {@code change} asks for, so nothing is written: a
   * retry after a lost response. A conditional write counts it only when this writer wrote it.
   */
  boolean alreadySet(ModeChange change, ModeRecord current) {
    return current.mode() == change.mode()
        && current.enforcePercent() == change.enforcePercent()
        && (!conditional() || change.changedBy().equals(current.changedBy()));
  }

  /** Whether {@code change} may be written over {@code current} (empty: no record). */
  boolean allowsWriteOver(ModeChange change, Optional<ModeRecord> current) {
    if (!conditional()) {
      return true;
    }
    if (lastWrittenVersion > 0) {
      return current.map(ModeRecord::version).orElse(0L) == lastWrittenVersion;
    }
    return current.map(r -> change.changedBy().equals(r.changedBy())).orElse(true);
  }
}
