package dev.greenlight.starter.commands;

import dev.greenlight.starter.JsonOutput;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * A connected command whose result is one report: a line of JSON under {@code --json}, else text
 * for a person. Each command builds both and hands them to {@link #report}, so every command
 * answers {@code --json} alike.
 */
abstract class ReportingCommand extends ConnectedCommand {
  @Mixin JsonOutput output;

  /** Prints {@code json} under {@code --json}, else {@code text}, through the command's writer. */
  final void report(Map<String, ?> json, String text) {
    output.report(cli().getOut(), json, text);
  }
}
