package dev.greenlight.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Debian's {@code chromium}, headless, as a child process with a profile of its own under the
 * test's directory and its DevTools endpoint on a loopback port the browser picks (read from the
 * profile's {@code DevToolsActivePort}). {@link #page()} drives its one tab. Closing kills the
 * browser and its helpers.
 */
public final class Chromium implements AutoCloseable {
  /** The program's name on the PATH (Debian's package {@code chromium}). */
  public static final String PROGRAM = "chromium";

  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServiceProcess process;
  private final OkHttpClient http;
  private final Page page;

  private Chromium(ServiceProcess process, OkHttpClient http, Page page) {
    this.process = process;
    this.http = http;
    this.page = page;
  }

  /**
   * Starts the browser with a 1400×1000 window and its profile and log ({@code chromium.log}) in
   * {@code dir}, as a {@link ServiceProcess}: stopped with its helper processes on close, and
   * killed by the test JVM's shutdown hook should the test never get there.
   *
   * @throws IllegalStateException when it exits or opens no DevTools port within 30 s
   */
  public static Chromium start(Path dir) throws IOException {
    Path profile = dir.resolve("chromium-profile");
    Files.createDirectories(profile);
    Files.deleteIfExists(profile.resolve("DevToolsActivePort"));
    ServiceProcess process =
        ServiceProcess.start(
            dir,
            PROGRAM,
            List.of(
                PROGRAM,
                "--headless",
                // The tests run as root in a container: Chromium's sandbox needs user
                // namespaces it does not get there. Only loopback pages are opened.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "about:blank"));
    OkHttpClient http =
        new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ZERO) // the DevTools socket is idle between commands
            .build();
    try {
      int port = awaitPort(process, profile.resolve("DevToolsActivePort"));
      String socketUrl = pageSocket(http, port);
      return new Chromium(
          process, http, new Page(DevTools.connect(http, socketUrl, Duration.ofSeconds(20))));
    } catch (RuntimeException e) {
      process.stop();
      throw e;
    }
  }

  public Page page() {
    return page;
  }

  private static int awaitPort(ServiceProcess process, Path portFile) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "chromium exited before opening a DevTools port\n" + process.log());
      }
      try {
        List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      } catch (IOException | NumberFormatException e) {
        // Written while we read: the next look sees it whole.
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "chromium opened no DevTools port within " + STARTUP.toSeconds() + " s");
  }

  /** The {@code webSocketDebuggerUrl} of the browser's one page. */
  private static String pageSocket(OkHttpClient http, int port) {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      Request list = new Request.Builder().url("http://127.0.0.1:" + port + "/json/list").build();
      try (Response response = http.newCall(list).execute()) {
        for (JsonNode target : JSON.readTree(response.body().string())) {
          if ("page".equals(target.path("type").asText())) {
            return target.get("webSocketDebuggerUrl").asText();
          }
        }
      } catch (IOException e) {
        // Not serving yet.
      }
      sleep(100);
    }
    throw new IllegalStateException("chromium listed no page target on port " + port);
  }

  @Override
  public void close() {
    page.close();
    process.stop();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
    }
  }
}
