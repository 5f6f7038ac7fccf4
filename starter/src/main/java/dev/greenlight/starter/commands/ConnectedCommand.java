package dev.greenlight.starter.commands;

import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.RolloutClient;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that talks to the services {@link ConnectionOptions} names. Picocli injects the
 * command's own spec, whose {@link CommandLine} carries the writers a command prints through (so
 * tests read them) and is the one bad input is reported against (exit 2).
 */
abstract class ConnectedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;

  /** This command's command line: its writers, and what a {@code ParameterException} names. */
  final CommandLine cli() {
    return spec.commandLine();
  }

  /** A client to the Temporal the options name; the caller closes it. */
  final RolloutClient connectTemporal() {
    return RolloutClient.connect(connection);
  }
}
