package dev.greenlight.e2e;

import java.nio.file.Path;

/**
 * Where every end-to-end test begins: the whole stack started in {@code dir}, the API under paced
 * load, a probe reading the rollout's status, and the compressed rollout started through the CLI.
 * All three are closed after the test's body, in reverse order of opening, whatever it throws.
 */
final class RolloutUnderLoad {
  private RolloutUnderLoad() {}

  /** A test's body, given what {@link #run} opened for it. */
  @FunctionalInterface
  interface Body {
    void run(Stack stack, PacedLoad load, RolloutProbe probe, Cli cli, Steering steering)
        throws Exception;
  }

  static void run(Path dir, Body body) throws Exception {
    try (Stack stack = Stack.start(dir);
        PacedLoad load = new PacedLoad(stack.apiUri());
        RolloutProbe probe = new RolloutProbe(stack.temporalAddress(), Stack.WORKFLOW_ID)) {
      Cli cli = new Cli(stack.temporalAddress());
      body.run(stack, load, probe, cli, stack.startRollout(cli));
    }
  }
}
