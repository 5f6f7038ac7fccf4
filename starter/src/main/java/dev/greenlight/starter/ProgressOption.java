package dev.greenlight.starter;

import java.io.Console;
import picocli.CommandLine.Option;

/**
 * Whether a command may redraw in place (progress bars, {@code \r} frames, clearing the screen):
 * only when its output is a terminal and {@code --no-progress} was not given. A pipe or a file gets
 * plain lines, each written once, so a log or {@code grep} never sees a half-drawn frame.
 */
public final class ProgressOption {
  @Option(
      names = "--no-progress",
      description = "No progress bars or in-place redraws, also on a terminal.")
  public boolean noProgress;

  /** Whether to redraw in place: a terminal on stdout and no {@code --no-progress}. */
  public boolean redraws() {
    return !noProgress && stdoutIsTerminal();
  }

  /**
   * Whether standard output is a terminal. Up to JDK 21 {@link System#console()} is null unless
   * both standard input and output are one; from JDK 22 it may be present regardless, and {@code
   * Console.isTerminal()} tells.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
