package dev.greenlight.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ModeKeysTest {
  @Test
  void namesFollowThePrefix() {
    ModeKeys keys = new ModeKeys("gl:");
    assertEquals("gl:mode:create", keys.modeKey("create"));
    assertEquals("gl:mode-audit:create", keys.auditKey("create"));
    assertEquals("gl:mode-changes", keys.channel());
  }

  @Test
  void changeMessageIsReadOnlyForItsOwnSurface() {
    String message = "12 companies";
    assertEquals(12, ModeKeys.versionIfAbout(message, "companies"));
    assertEquals(12, ModeKeys.versionIfAbout("12 companies\nwarn\n0\n…", "companies"));
    assertEquals(-1, ModeKeys.versionIfAbout("12 companies2\nwarn", "companies"));
    assertEquals(-1, ModeKeys.versionIfAbout(message, "companies2"));
    assertEquals(-1, ModeKeys.versionIfAbout("12 companies2", "companies"));
    assertEquals(-1, ModeKeys.versionIfAbout("x companies", "companies"));
    assertEquals(-1, ModeKeys.versionIfAbout("companies", "companies"));
    assertEquals(-1, ModeKeys.versionIfAbout("", "companies"));
  }

  @Test
  void surfaceNamesAreShortAndPlain() {
    assertThrows(IllegalArgumentException.class, () -> ModeKeys.checkSurface(""));
    assertThrows(IllegalArgumentException.class, () -> ModeKeys.checkSurface("a b"));
    assertThrows(IllegalArgumentException.class, () -> ModeKeys.checkSurface("x".repeat(65)));
    assertEquals("portfolio-companies.v1", ModeKeys.checkSurface("portfolio-companies.v1"));
  }
}
