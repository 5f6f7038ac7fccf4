package dev.greenlight.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Request;

/**
 * A read deadline per request: a connection has {@code timeout} to deliver a request's headers —
 * counted from when it opened or its previous reply went out — and, once the webhook reads a body,
 * {@code timeout} again for the body. A connection past its deadline is closed.
 *
 * <p>Jetty's idle timeout alone bounds only the gap between two bytes, so a client sending a byte
 * every second would keep its connection forever; this bounds the whole read. While the webhook
 * works on a request (Redis, Temporal) no deadline runs: those calls have their own timeouts.
 * Waiting connections cost no thread in Jetty, so they delay nobody; the deadline frees their
 * connection slots. Thread-safe; {@link #close()} stops the sweep.
 */
final class ReadDeadlines implements Connection.Listener, AutoCloseable {
  private static final long WORKING = Long.MAX_VALUE;
  private static final long SWEEP_MILLIS = 100;

  /** Per open connection: since when it has been waiting for bytes, or {@link #WORKING}. */
  private final Map<Connection, Long> waitingSince = new ConcurrentHashMap<>();

  private final long timeoutNanos;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "greenlight-webhook-read-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  ReadDeadlines(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    // The TLS layer wraps the HTTP connection, which carries the deadline for both; the handshake
    // happens while the HTTP connection already counts.
    if (!(connection instanceof SslConnection)) {
      waitingSince.put(connection, System.nanoTime());
    }
  }

  @Override
  public void onClosed(Connection connection) {
    waitingSince.remove(connection);
  }

  /** The request's headers are in: no deadline while the webhook decides what to do. */
  void working(Request request) {
    waitingSince.replace(connectionOf(request), WORKING);
  }

  /**
   * The webhook starts reading the request's body: a fresh deadline runs until {@link #working}.
   */
  void readingBody(Request request) {
    waitingSince.replace(connectionOf(request), System.nanoTime());
  }

  /** The reply went out: the connection waits for its next request from now. */
  void replied(Request request) {
    waitingSince.replace(connectionOf(request), System.nanoTime());
  }

  /** How many connections are open now (for tests and the log). */
  int openConnections() {
    return waitingSince.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Map.Entry<Connection, Long> entry : waitingSince.entrySet()) {
      long since = entry.getValue();
      if (since != WORKING && now - since > timeoutNanos) {
        entry.getKey().getEndPoint().close();
      }
    }
  }

  private static Connection connectionOf(Request request) {
    return request.getConnectionMetaData().getConnection();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
