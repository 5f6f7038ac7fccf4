package dev.greenlight.validator;

import dev.greenlight.validator.internal.ModeRecordCodec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ModeStore#downgradeToWarn} found and did.
 *
 * @param outcome what was done
 * @param stored the record stored once it was done; empty for {@link Outcome#NO_RECORD}
 * @param replacedProblem for {@link Outcome#REPLACED_UNREADABLE}, what made the old record
 *     unreadable; otherwise empty
 */
public record ModeDowngrade(
    Outcome outcome, Optional<ModeRecord> stored, Optional<String> replacedProblem) {

  /** What {@link ModeStore#downgradeToWarn} did. */
  public enum Outcome {
    /** The record said enforce; warn at 0 % is now stored as the next version. */
    DOWNGRADED,
    /** The record was unreadable; warn at 0 % replaced it as a version above any seen. */
    REPLACED_UNREADABLE,
    /** The record says off or warn: left as it is (over off, warn would be an upgrade). */
    NOT_ENFORCING,
    /** No record is stored: readers serve their configured default, never enforce. */
    NO_RECORD
  }

  public ModeDowngrade {
    Objects.requireNonNull(outcome, "outcome must not be null");
    Objects.requireNonNull(stored, "stored must not be null");
    Objects.requireNonNull(replacedProblem, "replacedProblem must not be null");
  }

  /** Whether this call wrote warn (a new, audited version). */
  public boolean wroteWarn() {
    return outcome == Outcome.DOWNGRADED || outcome == Outcome.REPLACED_UNREADABLE;
  }

  /**
   * Reads the reply of {@code ModeScripts.DOWNGRADE_TO_WARN} run for {@code change} at {@code now}.
   */
  static ModeDowngrade fromScriptReply(
      String key, List<Object> reply, ModeChange change, Instant now) {
    String outcome = (String) reply.get(0);
    switch (outcome) {
      case "absent":
        return new ModeDowngrade(Outcome.NO_RECORD, Optional.empty(), Optional.empty());
      case "kept":
        String[] names = {"mode", "percent", "version", "changedBy", "reason", "changedAt"};
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
          fields.put(names[i], (String) reply.get(i + 1));
        }
        return new ModeDowngrade(
            Outcome.NOT_ENFORCING,
            Optional.of(ModeRecordCodec.decode(key, fields)),
            Optional.empty());
      case "downgraded":
      case "replaced":
        ModeRecord written =
            new ModeRecord(
                ValidationMode.WARN,
                0,
                (Long) reply.get(1),
                change.changedBy(),
                change.reason(),
                now);
        return outcome.equals("downgraded")
            ? new ModeDowngrade(Outcome.DOWNGRADED, Optional.of(written), Optional.empty())
            : new ModeDowngrade(
                Outcome.REPLACED_UNREADABLE,
                Optional.of(written),
                Optional.of((String) reply.get(2)));
      default:
        throw new ModeStoreException("downgrade script at " + key + " answered " + reply);
    }
  }
}
