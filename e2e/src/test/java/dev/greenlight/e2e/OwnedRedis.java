package dev.greenlight.e2e;

import dev.greenlight.testsupport.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An embedded Redis the stack owns, on a free loopback port, that a test may stop and start again.
 * Unlike local-services' embedded Redis it keeps an append-only file, as a production Redis would:
 * the mode record must survive the outage, or the rollout's next compare-and-set would find it
 * gone.
 */
final class OwnedRedis implements AutoCloseable {
  private final int port = Ports.free();
  private final redis.embedded.RedisServer server;

  OwnedRedis(Path dir) {
    try {
      server =
          redis.embedded.RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly yes")
              .setting("appendfsync always")
              .setting("dir " + dir)
              .build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded Redis", e);
    }
    // The server is a child process: a test JVM that dies before close() must not leave it behind.
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "e2e-redis-reaper"));
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (server.isActive()) {
      stop();
    }
  }
}
