package dev.greenlight.starter.commands;

import dev.greenlight.validator.StageNormalizer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greenlight stage}: the stage normalizer, for checking the alias table by hand. */
@Command(
    name = "stage",
    header = "Check stage values against the normalizer.",
    subcommands = StageCommand.Normalize.class)
public final class StageCommand extends CommandGroup {

  /** Prints each value, a tab, and its canonical stage or {@code UNKNOWN}. */
  @Command(name = "normalize", header = "Print each VALUE and its canonical stage or UNKNOWN.")
  public static final class Normalize implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VALUE")
    List<String> values;

    @Override
    public Integer call() {
      StageNormalizer normalizer = StageNormalizer.defaults();
      for (String value : values) {
        String canonical = normalizer.normalizeToWireName(value);
        spec.commandLine()
            .getOut()
            .println(value + "\t" + (canonical == null ? "UNKNOWN" : canonical));
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
