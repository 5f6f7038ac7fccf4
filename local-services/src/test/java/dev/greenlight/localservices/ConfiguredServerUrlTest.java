package dev.greenlight.localservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A configured server's URL is checked when it is named, and kept as given. */
class ConfiguredServerUrlTest {

  @Test
  void urlOfTheWrongKindIsRefusedNamingIt() {
    assertRefused("postgres://127.0.0.1/test", PostgresServer::connectTo);
    assertRefused("127.0.0.1:6379", RedisServer::connectTo);
  }

  @Test
  void configuredServersAreKeptAndNotEmbedded() {
    try (PostgresServer postgres =
            PostgresServer.connectTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        RedisServer redis = RedisServer.connectTo("rediss://cache.example:6380")) {
      assertFalse(postgres.isEmbedded());
      assertEquals(
          "jdbc:postgresql://127.0.0.1:5432/other?user=postgres", postgres.jdbcUrlFor("other"));
      assertEquals("rediss://cache.example:6380", redis.url());
      assertThrows(IllegalStateException.class, redis::stop);
    }
  }

  private static void assertRefused(String url, Consumer<String> connect) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> connect.accept(url));
    assertTrue(e.getMessage().endsWith("but was " + url), e.getMessage());
  }
}
