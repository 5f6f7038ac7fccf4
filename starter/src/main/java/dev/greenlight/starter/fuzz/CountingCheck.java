package dev.greenlight.starter.fuzz;

/** What every {@link InvariantCheck} shares: its name and the count of checks it made. */
abstract class CountingCheck implements InvariantCheck {
  private final String name;
  private long checks;

  CountingCheck(String name) {
    this.name = name;
  }

  @Override
  public final String invariant() {
    return name;
  }

  @Override
  public final long checks() {
    return checks;
  }

  /** One more thing checked: a promotion, a write, an alert, a run. */
  final void count() {
    checks++;
  }
}
