package dev.greenlight.localservices;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggedProcessTest {
  private static final Pattern CHILD = Pattern.compile("child (\\d+)");

  @TempDir Path dir;

  @Test
  void outputIsLoggedAndStopEndsTheProcessWithItsChildren() throws Exception {
    // The shell ignores SIGTERM while its child sleeps, as a wrapper that waits on its server does.
    LoggedProcess shell =
        LoggedProcess.start(
            new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 60 & echo \"child $!\"; wait"),
            dir.resolve("logs/shell.log"));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Matcher child = CHILD.matcher("");
    while (!child.reset(shell.logTail(100)).find() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(child.find(0), "no child in the log: " + shell.logTail(100));
    ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(child.group(1))).orElseThrow();

    shell.stop(Duration.ofMillis(500));

    assertFalse(shell.isAlive());
    sleeper.onExit().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aProgramThatCannotRunIsNamed() {
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                LoggedProcess.start(
                    new ProcessBuilder("greenlight-no-such-program", "--flag"),
                    dir.resolve("missing.log")));
    assertTrue(e.getMessage().contains("greenlight-no-such-program --flag"), e.getMessage());
  }
}
