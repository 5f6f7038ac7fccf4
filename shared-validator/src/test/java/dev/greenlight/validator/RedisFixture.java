package dev.greenlight.validator;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.testsupport.Ports;
import io.lettuce.core.RedisClient;
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
    return "redis://127.0.0.1:" + Ports.free();
  }
}
