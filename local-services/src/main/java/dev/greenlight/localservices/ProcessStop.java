package dev.greenlight.localservices;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops a child process as an operator would: SIGTERM first, so it can shut down cleanly, and
 * SIGKILL only when it has not exited within its grace period (or the waiting thread is
 * interrupted). What to do about the process's own children is the caller's decision.
 */
public final class ProcessStop {
  private ProcessStop() {}

  /**
   * Ends {@code process}, waiting at most {@code grace} for SIGTERM and again for SIGKILL.
   *
   * @return whether it exited on SIGTERM within {@code grace}
   */
  public static boolean terminate(Process process, Duration grace) {
    process.destroy();
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
      process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    return false;
  }
}
