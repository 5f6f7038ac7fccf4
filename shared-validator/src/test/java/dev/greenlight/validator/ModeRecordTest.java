package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModeRecordTest {
  @Test
  void percentOutsideZeroToHundredIsRefusedWithTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModeRecord(ValidationMode.ENFORCE, 120, 1, "me", "why", Instant.now()));
    assertEquals("percent must be between 0 and 100 but was 120", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModeChange(ValidationMode.ENFORCE, -1, "me", "why"));
  }

  @Test
  void changeNeedsWhoAndWhy() {
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModeChange(ValidationMode.WARN, 0, " ", "why"));
    assertTrue(blank.getMessage().startsWith("changedBy must not be blank"), blank.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new ModeChange(ValidationMode.WARN, 0, "me", null));
  }

  @Test
  void negativeVersionIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModeRecord(ValidationMode.WARN, 0, -1, "me", "why", Instant.now()));
  }

  @Test
  void defaultRecordHasVersionZero() {
    ModeRecord record = ModeRecord.defaultOf(ValidationMode.WARN);
    assertEquals(ValidationMode.WARN, record.mode());
    assertEquals(0, record.version());
  }
}
