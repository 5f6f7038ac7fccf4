package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and hostile clients on real loopback sockets: idle and trickling connections, bodies that
 * never come, more connections than the bound. Every loop is bounded in count and time.
 */
class WebhookSlowClientsTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  private static final String NO_OP =
      WebhookClient.payload("slow-clients", "firing", "SomethingElse", "fp-slow")
          .replace("\"action\":\"auto-downgrade\",", "");

  private final List<Socket> sockets = new ArrayList<>();
  private WebhookRig rig;

  @AfterEach
  void closeAll() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already closed by the server: what several tests expect.
      }
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void twoHundredIdleAndTwoHundredTricklingConnectionsDelayADeliveryByLessThanASecond()
      throws Exception {
    rig = new WebhookRig(c -> c.withLimits(READ_TIMEOUT, 512));
    for (int i = 0; i < 200; i++) {
      connect();
    }
    // Half trickle their headers; half send a (bogus) signature header, which makes the webhook
    // read their body, and trickle that: neither kind may hold a thread the delivery needs.
    List<Socket> tricklers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Socket socket = connect();
      socket.getOutputStream().write(i % 2 == 0 ? unfinishedHead() : signedHead(1_000_000));
      tricklers.add(socket);
    }
    // One byte per trickler every 50 ms for at most 1.5 s: slow headers, never finished.
    AtomicBoolean stop = new AtomicBoolean();
    Thread trickle =
        new Thread(
            () -> {
              long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
              while (!stop.get() && System.nanoTime() < end) {
                for (Socket socket : tricklers) {
                  try {
                    socket.getOutputStream().write('x');
                  } catch (IOException closed) {
                    // Cut by the server: fine.
                  }
                }
                sleep(50);
              }
            },
            "trickler");
    trickle.start();
    try {
      for (int i = 0; i < 5; i++) {
        long started = System.nanoTime();
        var response = rig.client.withToken(NO_OP.replace("fp-slow", "fp-slow-" + i));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(millis < 1_000, "delivery " + i + " took " + millis + " ms");
      }
    } finally {
      stop.set(true);
      trickle.join(5_000);
    }
  }

  @Test
  void headersTrickledPastTheReadDeadlineAreCut() throws Exception {
    rig = new WebhookRig(c -> c.withLimits(Duration.ofMillis(500), 64));
    Socket socket = connect();
    OutputStream out = socket.getOutputStream();
    out.write(unfinishedHead());
    long started = System.nanoTime();
    boolean cut = false;
    // At most 40 bytes, one per 100 ms (4 s): each keeps Jetty's idle timer alive, none ends them.
    for (int i = 0; i < 40 && !cut; i++) {
      try {
        out.write('x');
        out.flush();
        cut = closedByServer(socket, 100);
      } catch (IOException e) {
        cut = true;
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(cut, "still open after " + millis + " ms");
    assertTrue(millis < 2_000, "cut after " + millis + " ms, deadline 500 ms");
  }

  @Test
  void aSignedBodyThatNeverComesIsCutAtTheReadDeadline() throws Exception {
    rig = new WebhookRig(c -> c.withLimits(Duration.ofMillis(500), 64));
    Socket socket = connect();
    socket.getOutputStream().write(signedHead(100));
    socket.getOutputStream().write('{');
    long started = System.nanoTime();

    String answer = readAll(socket, Duration.ofSeconds(4));

    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis < 2_000, "cut after " + millis + " ms, deadline 500 ms: " + answer);
    assertTrue(!answer.startsWith("HTTP/1.1 200"), answer);
  }

  @Test
  void wrongOrMissingTokenIsRefusedWithoutWaitingForTheBody() throws Exception {
    rig = new WebhookRig(c -> c.withLimits(Duration.ofSeconds(10), 64));
    for (String authorization : new String[] {"Bearer wrong-token", null}) {
      Socket socket = connect();
      // A megabyte announced, not one byte of it sent: reading it would wait the full 10 s.
      socket.getOutputStream().write(requestHead(WebhookConfig.ONE_MEGABYTE, authorization));
      long started = System.nanoTime();

      String answer = readAll(socket, Duration.ofSeconds(5));

      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
      assertTrue(answer.contains("invalid-signature"), answer);
      assertTrue(millis < 1_000, "answered after " + millis + " ms");
    }
  }

  @Test
  void connectionsBeyondTheBoundWaitUntilTheDeadlineFreesASlot() throws Exception {
    rig = new WebhookRig(c -> c.withLimits(Duration.ofMillis(1500), 4));
    for (int i = 0; i < 4; i++) {
      connect();
    }
    awaitOpenConnections(4);

    long started = System.nanoTime();
    var response = rig.client.withToken(NO_OP);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(200, response.statusCode(), response.body());
    // Not accepted while the 4 idle ones held every slot; accepted once the deadline cut them.
    assertTrue(millis >= 700, "answered after " + millis + " ms despite the bound of 4");
    assertTrue(millis < 5_000, "answered after " + millis + " ms");
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.connect(new InetSocketAddress("127.0.0.1", rig.server.port()), 2_000);
    return socket;
  }

  private void awaitOpenConnections(int count) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (rig.server.openConnections() < count && System.nanoTime() < end) {
      Thread.sleep(10);
    }
  }

  private static byte[] requestHead(int contentLength, String authorization) {
    return ("POST /ops/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A request whose last header line never ends: what a client trickling headers sends. */
  private static byte[] unfinishedHead() {
    return ("POST /ops/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Complete headers with a signature header: the webhook goes on to read the body. */
  private static byte[] signedHead(int contentLength) {
    return ("POST /ops/alertmanager HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nX-Alertmanager-Signature: sha256=00\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether the server closed {@code socket}, waiting at most {@code millis} for a sign of it. */
  private static boolean closedByServer(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** Everything the server sends until it closes, or until {@code limit}. */
  private static String readAll(Socket socket, Duration limit) throws IOException {
    socket.setSoTimeout((int) limit.toMillis());
    StringBuilder text = new StringBuilder();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // What arrived before the limit or the reset is the answer.
    }
    return text.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
