package dev.greenlight.starter;

import dev.greenlight.starter.commands.AbortCommand;
import dev.greenlight.starter.commands.ApproveCommand;
import dev.greenlight.starter.commands.BackupCommand;
import dev.greenlight.starter.commands.DevServerCommand;
import dev.greenlight.starter.commands.ExtendWarnCommand;
import dev.greenlight.starter.commands.FuzzCommand;
import dev.greenlight.starter.commands.ListCommand;
import dev.greenlight.starter.commands.MigrateCommand;
import dev.greenlight.starter.commands.ModeCommand;
import dev.greenlight.starter.commands.PauseCommand;
import dev.greenlight.starter.commands.PlanCommand;
import dev.greenlight.starter.commands.PromoteCommand;
import dev.greenlight.starter.commands.RehearseCommand;
import dev.greenlight.starter.commands.RestoreTestCommand;
import dev.greenlight.starter.commands.ResumeCommand;
import dev.greenlight.starter.commands.RetryCanaryCommand;
import dev.greenlight.starter.commands.SeedCommand;
import dev.greenlight.starter.commands.StageCommand;
import dev.greenlight.starter.commands.StartCommand;
import dev.greenlight.starter.commands.StatusCommand;
import dev.greenlight.starter.commands.WatchCommand;
import dev.greenlight.starter.commands.WebhookCommand;
import dev.greenlight.starter.commands.WorkerCommand;
import dev.greenlight.temporal.InvalidTemporalSettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code greenlight} CLI: run, steer and rehearse rollouts. Its {@code INHERIT} scope gives
 * every subcommand, at any depth, {@code -h/--help} and {@code -V/--version} (this version); each
 * subcommand sets only its name and header.
 */
@Command(
    name = "greenlight",
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "greenlight 0.1.0",
    header = "Run long, risky rollouts as one durable Temporal workflow.",
    subcommands = {
      RehearseCommand.class,
      FuzzCommand.class,
      DevServerCommand.class,
      WorkerCommand.class,
      WebhookCommand.class,
      PlanCommand.class,
      StartCommand.class,
      StatusCommand.class,
      ListCommand.class,
      WatchCommand.class,
      ApproveCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      AbortCommand.class,
      PromoteCommand.class,
      RetryCanaryCommand.class,
      ExtendWarnCommand.class,
      SeedCommand.class,
      BackupCommand.class,
      RestoreTestCommand.class,
      MigrateCommand.class,
      StageCommand.class,
      ModeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Greenlight implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The CLI with its error handling: bad input exits 2 with the usage hint, a failure prints its
   * message (no stack trace) through the command's error writer and exits 1.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Greenlight());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + Failures.describe(e));
          commandLine.getErr().flush();
          // A bad Temporal setting comes from the environment or a profile file: bad input too.
          return e instanceof InvalidTemporalSettingsException
              ? commandLine.getCommandSpec().exitCodeOnInvalidInput()
              : 1;
        });
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }
}
