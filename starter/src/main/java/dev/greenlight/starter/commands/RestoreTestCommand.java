package dev.greenlight.starter.commands;

import dev.greenlight.rollout.plan.HumanDurations;
import dev.greenlight.starter.ConnectionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight restore-test MANIFEST}: restores a backup into a scratch database, timed. */
@Command(
    name = "restore-test",
    mixinStandardHelpOptions = true,
    header = "Restore a backup into a scratch database within a time limit, then drop it.")
public final class RestoreTestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "MANIFEST")
  Path manifest;

  @Option(
      names = "--limit",
      defaultValue = "5m",
      description = "Time limit (default ${DEFAULT-VALUE}).")
  String limit;

  @Override
  public Integer call() {
    Duration max;
    try {
      max = HumanDurations.parse(limit);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit: " + e.getMessage());
    }
    var result = DataPlane.backups(spec.commandLine(), connection).restoreTest(manifest, max);
    spec.commandLine()
        .getOut()
        .printf(
            "restore test passed in %d ms (limit %d ms): %s, %s distinct stages%n",
            result.durationMillis(),
            result.limitMillis(),
            result.restoredTables(),
            result.distinctStages());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
