package dev.greenlight.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.localservices.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser the Web UI test drives, on its own: it starts with its log in the test's directory,
 * runs a page's script, and leaves no process behind once closed.
 */
class ChromiumTest {
  @TempDir Path dir;

  @Test
  void aPageAnswersAndClosingLeavesNoBrowserRunning() throws Exception {
    assumeTrue(ExternalTools.present(Chromium.PROGRAM), ExternalTools.skipReason(Chromium.PROGRAM));
    try (Chromium chromium = Chromium.start(dir)) {
      assertEquals(2, chromium.page().evaluate("1 + 1").asInt());
    }
    assertTrue(Files.exists(dir.resolve("chromium.log")), "the browser's log is kept");
    assertEquals(List.of(), browsersStillRunning(), "processes left after close");
  }

  /** This JVM's descendants that are a browser: none may outlive {@link Chromium#close()}. */
  private static List<String> browsersStillRunning() throws InterruptedException {
    // Helpers notice their parent's exit within moments; a bounded look spares a flaky failure.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<String> running = running();
    while (!running.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      running = running();
    }
    return running;
  }

  private static List<String> running() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(p -> p.pid() + " " + p.info().command().orElse("?"))
        .filter(line -> line.contains(Chromium.PROGRAM))
        .toList();
  }
}
