package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValidationModeTest {
  @Test
  void parseIgnoresCaseAndSurroundingWhitespace() {
    assertEquals(ValidationMode.OFF, ValidationMode.parse("off"));
    assertEquals(ValidationMode.WARN, ValidationMode.parse(" Warn "));
    assertEquals(ValidationMode.ENFORCE, ValidationMode.parse("ENFORCE"));
  }

  @Test
  void unknownModeIsRefusedNamingTheValueAndTheAllowedSet() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValidationMode.parse("strict"));
    assertEquals("mode must be one of [off, warn, enforce] but was 'strict'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ValidationMode.parse(null));
    assertThrows(IllegalArgumentException.class, () -> ValidationMode.parse(""));
  }

  @Test
  void wireNamesAreLowerCase() {
    assertEquals("off", ValidationMode.OFF.wireName());
    assertEquals("warn", ValidationMode.WARN.wireName());
    assertEquals("enforce", ValidationMode.ENFORCE.wireName());
  }
}
