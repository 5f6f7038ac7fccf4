package dev.greenlight.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 to one target, which can be cut to simulate an outage without touching
 * the target: how the Redis probe proves the mode resolver's fallback against the real server.
 * Closing it cuts every connection and stops accepting. Thread-safe.
 */
final class LoopbackProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean open = true;

  LoopbackProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "probe-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (open) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getHostString(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        relay(client, upstream);
        relay(upstream, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side went away: the other is closed below, like a real network cut.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "probe-proxy-relay");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    open = false;
    closeQuietly(server);
    sockets.forEach(LoopbackProxy::closeQuietly);
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }
}
