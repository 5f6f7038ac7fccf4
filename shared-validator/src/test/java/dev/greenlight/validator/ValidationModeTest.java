package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationModeTest {
  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({"off, OFF", "' Warn ', WARN", "ENFORCE, ENFORCE"})
  void parseIgnoresCaseAndSurroundingWhitespace(String text, ValidationMode mode) {
    assertEquals(mode, ValidationMode.parse(text));
  }

  @Test
  void unknownModeIsRefusedNamingTheValueAndTheAllowedSet() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValidationMode.parse("strict"));
    assertEquals("mode must be one of [off, warn, enforce] but was 'strict'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ValidationMode.parse(null));
    assertThrows(IllegalArgumentException.class, () -> ValidationMode.parse(""));
  }

  @ParameterizedTest
  @CsvSource({"OFF, off", "WARN, warn", "ENFORCE, enforce"})
  void wireNamesAreLowerCase(ValidationMode mode, String wireName) {
    assertEquals(wireName, mode.wireName());
  }
}
