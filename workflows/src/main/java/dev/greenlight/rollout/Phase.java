package dev.greenlight.rollout;

/** Where a rollout is in the runbook. The last four are terminal. */
public enum Phase {
  PREFLIGHT,
  OFF,
  WARN,
  NORMALIZE,
  CANARY,
  ROLLED_BACK,
  SOAK,
  WARN_EXIT,
  COMPLETED,
  NEEDS_ATTENTION,
  STOPPED,
  ABORTED;

  public boolean isTerminal() {
    return this == COMPLETED || this == NEEDS_ATTENTION || this == STOPPED || this == ABORTED;
  }
}
