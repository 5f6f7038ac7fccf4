package dev.greenlight.starter;

import picocli.CommandLine.Option;

/** Who sends a command and why: every accepted command records both. */
public final class Who {
  @Option(
      names = "--who",
      defaultValue = "${env:USER:-unknown}",
      description = "Who sends the command (default: $USER).")
  public String who;

  @Option(names = "--why", required = true, description = "Why — recorded with the command.")
  public String why;
}
