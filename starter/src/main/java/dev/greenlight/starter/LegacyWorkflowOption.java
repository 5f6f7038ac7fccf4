package dev.greenlight.starter;

import dev.greenlight.rollout.RolloutConstants;
import picocli.CommandLine.Option;

/**
 * The {@code --legacy-workflow} option of the commands that run the workflow in-process ({@code
 * fuzz}, {@code rehearse}): the workflow as it was before its safety semantics, the frozen legacy
 * loop. A picocli mixin.
 */
public final class LegacyWorkflowOption {
  @Option(
      names = "--legacy-workflow",
      description =
          "Run the workflow as it was before its safety semantics (the frozen legacy loop): fuzz"
              + " it to see what the oracle catches there, rehearse it to replay what 'greenlight"
              + " fuzz --legacy-workflow' found.")
  boolean legacyWorkflow;

  public boolean selected() {
    return legacyWorkflow;
  }

  /**
   * Selects the legacy workflow for this process when the option was given. Call it before the
   * workflow class loads: it reads the property then, once.
   */
  public void apply() {
    if (legacyWorkflow) {
      System.setProperty(RolloutConstants.LEGACY_PROPERTY, "true");
    }
  }
}
