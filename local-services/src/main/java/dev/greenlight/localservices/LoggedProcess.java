package dev.greenlight.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server program run as a child process, its output and errors appended to one log file so that a
 * failure can quote what it said. The dev server's Temporal and the tests' Prometheus run as one.
 *
 * <p>Stopping sends SIGTERM to the process and its children, then SIGKILL to whatever is left after
 * the grace period: a wrapper such as the pip-installed {@code temporal} starts the real server as
 * its child, which must not outlive it. Safe to use from several threads.
 */
public final class LoggedProcess {
  private final Process process;
  private final Path log;

  private LoggedProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} (its directory and environment as the caller set them) with its output
   * appended to {@code log}, whose directory is created if missing.
   *
   * @throws UncheckedIOException naming the command when it cannot be run
   */
  public static LoggedProcess start(ProcessBuilder command, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process =
          command
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new LoggedProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command.command()), e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The exit code.
   *
   * @throws IllegalThreadStateException while the process runs
   */
  public int exitValue() {
    return process.exitValue();
  }

  public void waitFor() throws InterruptedException {
    process.waitFor();
  }

  public Path logFile() {
    return log;
  }

  /** The log's last {@code maxChars} characters, or why there is none. */
  public String logTail(int maxChars) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - maxChars));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM to the process and its children, SIGKILL to what is left after {@code grace}. */
  public void stop(Duration grace) {
    List<ProcessHandle> children = process.descendants().toList();
    // A wrapper may not pass SIGTERM on to the server it started.
    children.forEach(ProcessHandle::destroy);
    if (!ProcessStop.terminate(process, grace)) {
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
