package dev.greenlight.dataplane.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a PostgreSQL command-line tool: its exit code, the tail of its standard error, how
 * long it took and whether it was killed for running past its deadline.
 *
 * <p>Standard error goes to a temporary file rather than a pipe, so a chatty tool can never block
 * on a full pipe; only its last {@value #STDERR_TAIL} characters are kept.
 */
record ToolRun(int exitCode, String stderr, long durationMillis, boolean timedOut) {
  static final int STDERR_TAIL = 4000;

  /** ": " and the standard error, or nothing when the tool printed none. */
  String stderrSuffix() {
    return stderr.isEmpty() ? "" : ": " + stderr;
  }

  boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /**
   * Runs {@code command} with {@code env} added to this process's environment and waits at most
   * {@code timeout}, killing it after that.
   */
  static ToolRun run(List<String> command, Map<String, String> env, Duration timeout) {
    Path stderrFile = null;
    long started = System.nanoTime();
    try {
      stderrFile = Files.createTempFile("greenlight-pgtool-", ".stderr");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(stderrFile.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      boolean finished;
      try {
        finished = process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running " + command.get(0), e);
      }
      if (!finished) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new ToolRun(finished ? process.exitValue() : -1, tail(stderrFile), millis, !finished);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping " + command.get(0), e);
    } finally {
      if (stderrFile != null) {
        try {
          Files.deleteIfExists(stderrFile);
        } catch (IOException ignored) {
          // A leftover temp file is harmless; the tool's result matters more.
        }
      }
    }
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    return text.length() <= STDERR_TAIL ? text : "…" + text.substring(text.length() - STDERR_TAIL);
  }
}
