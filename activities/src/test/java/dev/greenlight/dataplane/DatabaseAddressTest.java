package dev.greenlight.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseAddressTest {
  @Test
  void parsesHostPortDatabaseAndCredentials() {
    DatabaseAddress a =
        DatabaseAddress.fromJdbcUrl(
            "jdbc:postgresql://127.0.0.1:5433/test?user=postgres&password=p%40ss");
    assertEquals(new DatabaseAddress("127.0.0.1", 5433, "test", "postgres", "p@ss", null), a);
  }

  @Test
  void defaultsThePortAndLeavesMissingCredentialsToLibpq() {
    DatabaseAddress a = DatabaseAddress.fromJdbcUrl("jdbc:postgresql://db/app");
    assertEquals(5432, a.port());
    assertNull(a.user());
    assertTrue(a.toolEnvironment().isEmpty());
  }

  @Test
  void parsesIpv6Hosts() {
    DatabaseAddress a = DatabaseAddress.fromJdbcUrl("jdbc:postgresql://[::1]:5432/app?user=u");
    assertEquals("::1", a.host());
    assertEquals("jdbc:postgresql://[::1]:5432/app?user=u", a.toJdbcUrl());
  }

  @Test
  void roundTripsThroughItsOwnJdbcUrl() {
    DatabaseAddress a = new DatabaseAddress("h", 1, "db", "u", "p&q=r", "require");
    assertEquals(a, DatabaseAddress.fromJdbcUrl(a.toJdbcUrl()));
    assertEquals(a.withDatabase("other").database(), "other");
  }

  @Test
  void refusesWhatToolsCannotUseWithoutLeakingThePassword() {
    IllegalArgumentException multi =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatabaseAddress.fromJdbcUrl("jdbc:postgresql://a:1,b:2/db?password=secret"));
    assertTrue(multi.getMessage().contains("several"), multi.getMessage());
    assertTrue(!multi.getMessage().contains("secret"), multi.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> DatabaseAddress.fromJdbcUrl("jdbc:mysql://x/db"));
  }
}
