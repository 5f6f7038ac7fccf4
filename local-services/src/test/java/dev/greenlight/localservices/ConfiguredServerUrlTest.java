package dev.greenlight.localservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A configured server's URL is checked when it is named, and kept as given. */
class ConfiguredServerUrlTest {

  @Test
  void postgresUrlThatIsNotJdbcIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PostgresServer.connectTo("postgres://127.0.0.1/test"));
    assertTrue(e.getMessage().contains("but was postgres://127.0.0.1/test"), e.getMessage());
  }

  @Test
  void configuredPostgresIsKeptAndNotEmbedded() {
    try (PostgresServer server =
        PostgresServer.connectTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")) {
      assertFalse(server.isEmbedded());
      assertEquals(
          "jdbc:postgresql://127.0.0.1:5432/other?user=postgres", server.jdbcUrlFor("other"));
    }
  }

  @Test
  void redisUrlWithoutItsSchemeIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RedisServer.connectTo("127.0.0.1:6379"));
    assertTrue(e.getMessage().contains("but was 127.0.0.1:6379"), e.getMessage());
  }

  @Test
  void configuredRedisIsKeptAndCannotBeStopped() {
    try (RedisServer server = RedisServer.connectTo("rediss://cache.example:6380")) {
      assertEquals("rediss://cache.example:6380", server.url());
      assertThrows(IllegalStateException.class, server::stop);
    }
  }
}
