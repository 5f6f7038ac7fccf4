package dev.greenlight.starter.fuzz;

import dev.greenlight.starter.fuzz.TraceLog.DataCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Safety invariant 5: no migration apply without a proven backup of the same attempt. Before every
 * {@code apply} with run id R, in call order, there must be a succeeded {@code backup} of R, then a
 * succeeded {@code verify} of R, then a succeeded {@code restore-test} of R. Evidence stays valid
 * across a failed apply (the retry may reuse it); evidence of another run id never counts.
 */
public final class BackupBeforeApplyCheck extends CountingCheck {
  public static final String NAME = "apply-only-after-proven-backup";

  public BackupBeforeApplyCheck() {
    super(NAME);
  }

  /** The proof, in the order it must be earned. */
  static final List<String> PROOF = List.of("backup", "verify", "restore-test");

  @Override
  public List<Violation> check(TraceLog log) {
    List<Violation> violations = new ArrayList<>();
    List<DataCall> calls = log.dataCalls();
    for (int i = 0; i < calls.size(); i++) {
      DataCall apply = calls.get(i);
      if (!"apply".equals(apply.step())) {
        continue;
      }
      count();
      String missing = missingProof(calls.subList(0, i), apply.runId());
      if (missing != null) {
        violations.add(
            new Violation(
                NAME,
                apply.atMillis(),
                "apply of run "
                    + apply.runId()
                    + " at "
                    + Timeline.time(apply.atMillis())
                    + " without a succeeded "
                    + missing
                    + " of that run before it"));
      }
    }
    return violations;
  }

  /** The first step of the proof {@code before} lacks for {@code runId}, in order; null if none. */
  private static String missingProof(List<DataCall> before, String runId) {
    int earned = 0;
    for (DataCall c : before) {
      if (earned < PROOF.size()
          && c.succeeded()
          && c.runId() != null
          && c.runId().equals(runId)
          && PROOF.get(earned).equals(c.step())) {
        earned++;
      }
    }
    if (earned == PROOF.size()) {
      return null;
    }
    return earned == 0 ? PROOF.get(0) : PROOF.get(earned) + " after its " + PROOF.get(earned - 1);
  }
}
