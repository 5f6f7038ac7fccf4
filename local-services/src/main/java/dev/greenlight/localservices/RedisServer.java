package dev.greenlight.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A Redis server to talk to: the one a {@code redis://} URL names, or an embedded one on a free
 * loopback port when no URL is configured.
 *
 * <p>An embedded server can be stopped and started again on the same port, which is how tests
 * simulate an outage. Closing stops an embedded server; a configured one is left alone.
 */
public final class RedisServer implements AutoCloseable {
  private final String url;
  private final redis.embedded.RedisServer embedded;

  private RedisServer(String url, redis.embedded.RedisServer embedded) {
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new IllegalArgumentException("Redis URL must start with redis:// but was " + url);
    }
    this.url = url;
    this.embedded = embedded;
  }

  public static RedisServer connectTo(String url) {
    return new RedisServer(url, null);
  }

  /** Starts an embedded Redis bound to 127.0.0.1 on a free port, persisting nothing. */
  public static RedisServer startEmbedded() {
    int port = freePort();
    try {
      redis.embedded.RedisServer server =
          redis.embedded.RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      return new RedisServer("redis://127.0.0.1:" + port, server);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded Redis", e);
    }
  }

  public String url() {
    return url;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Stops an embedded server, keeping its port for {@link #start()}. */
  public void stop() {
    onEmbedded(redis.embedded.RedisServer::stop);
  }

  /** Starts a stopped embedded server again on the same port. */
  public void start() {
    onEmbedded(redis.embedded.RedisServer::start);
  }

  /** Something done to the embedded server that may fail with an {@link IOException}. */
  private interface EmbeddedStep {
    void run(redis.embedded.RedisServer server) throws IOException;
  }

  private void onEmbedded(EmbeddedStep step) {
    if (embedded == null) {
      throw new IllegalStateException("only an embedded Redis can be stopped or started: " + url);
    }
    try {
      step.run(embedded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (embedded != null && embedded.isActive()) {
      stop();
    }
  }
}
