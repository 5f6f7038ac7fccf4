package dev.greenlight.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestDatabasesTest {
  @Test
  void nameIsThePathSegmentWithOrWithoutParameters() {
    assertEquals(
        "gl_x_1a2b",
        TestDatabases.nameOf("jdbc:postgresql://127.0.0.1:5432/gl_x_1a2b?user=postgres"));
    assertEquals("test", TestDatabases.nameOf("jdbc:postgresql://127.0.0.1:5432/test"));
  }

  @Test
  void urlWithoutADatabaseIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TestDatabases.nameOf("no-slashes"));
    assertTrue(e.getMessage().contains("no-slashes"), e.getMessage());
  }
}
