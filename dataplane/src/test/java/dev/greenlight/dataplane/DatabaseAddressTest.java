package dev.greenlight.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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

  @Test
  void tlsSettingsOfTheUrlReachTheToolsAsLibpqEnvironment() {
    DatabaseAddress a =
        DatabaseAddress.fromJdbcUrl(
            "jdbc:postgresql://db.internal:5432/app?user=u&password=pw&sslmode=verify-full"
                + "&sslrootcert=%2Fetc%2Fgl%2Fca.pem&sslcert=/etc/gl/client.crt"
                + "&sslkey=/etc/gl/client.key&connectTimeout=7&ApplicationName=greenlight");

    assertEquals(
        Map.of(
            "PGPASSWORD", "pw",
            "PGSSLMODE", "verify-full",
            "PGSSLROOTCERT", "/etc/gl/ca.pem",
            "PGSSLCERT", "/etc/gl/client.crt",
            "PGSSLKEY", "/etc/gl/client.key",
            "PGCONNECT_TIMEOUT", "7"),
        a.toolEnvironment());
  }

  @Test
  void bareSslMeansVerifyFullAsItDoesToTheDriver() {
    assertEquals(
        "verify-full",
        DatabaseAddress.fromJdbcUrl("jdbc:postgresql://h/db?ssl=true")
            .toolEnvironment()
            .get("PGSSLMODE"));
    assertEquals(
        "verify-full",
        DatabaseAddress.fromJdbcUrl("jdbc:postgresql://h/db?ssl")
            .toolEnvironment()
            .get("PGSSLMODE"));
    assertEquals(
        "require",
        DatabaseAddress.fromJdbcUrl("jdbc:postgresql://h/db?ssl=true&sslmode=require")
            .toolEnvironment()
            .get("PGSSLMODE"));
    assertNull(
        DatabaseAddress.fromJdbcUrl("jdbc:postgresql://h/db?ssl=false")
            .toolEnvironment()
            .get("PGSSLMODE"));
  }

  @Test
  void scratchConnectionsKeepEveryParameterOfTheUrl() {
    DatabaseAddress a =
        DatabaseAddress.fromJdbcUrl(
            "jdbc:postgresql://h:5432/app?user=u&sslmode=verify-ca&sslrootcert=/ca.pem"
                + "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");

    assertEquals(
        "jdbc:postgresql://h:5432/gl_restore_1?user=u&sslmode=verify-ca&sslrootcert=%2Fca.pem"
            + "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory",
        a.withDatabase("gl_restore_1").toJdbcUrl());
    assertEquals(a, DatabaseAddress.fromJdbcUrl(a.toJdbcUrl()));
  }

  @Test
  void anEncryptedClientKeyIsRefusedForTheToolsNamingTheRule() {
    DatabaseAddress a =
        DatabaseAddress.fromJdbcUrl(
            "jdbc:postgresql://h/db?sslmode=verify-full&sslkey=/k.pk8&sslpassword=hunter2");

    DataPlaneException e = assertThrows(DataPlaneException.class, a::toolEnvironment);

    assertTrue(e.getMessage().contains("sslpassword"), e.getMessage());
    assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
  }
}
