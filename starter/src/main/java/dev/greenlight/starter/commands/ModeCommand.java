package dev.greenlight.starter.commands;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code greenlight mode}: the manual lever on a surface's mode record — read it, or set it to
 * {@code off} or {@code warn} through the same compare-and-set as every other writer.
 */
@Command(
    name = "mode",
    mixinStandardHelpOptions = true,
    header = "Show or set a surface's validation mode record in Redis.",
    subcommands = {ModeGetCommand.class, ModeSetCommand.class})
public final class ModeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a mode command: get, set");
  }
}
