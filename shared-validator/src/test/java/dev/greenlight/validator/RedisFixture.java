package dev.greenlight.validator;

import dev.greenlight.localservices.TestServices;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

/** Redis for the tests of this module: the shared test server, key prefixes, a dead address. */
final class RedisFixture {
  private RedisFixture() {}

  /** A new client of the shared test Redis; the test closes it. */
  static RedisClient client() {
    return RedisClient.create(TestServices.redis().url());
  }

  /** A key prefix no other test class uses, so classes never see one another's keys. */
  static String randomPrefix() {
    return "gltest:" + UUID.randomUUID() + ":";
  }

  /** A Redis URL at which nothing listens. */
  static String closedPortUrl() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "redis://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
