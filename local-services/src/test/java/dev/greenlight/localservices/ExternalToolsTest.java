package dev.greenlight.localservices;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExternalToolsTest {
  private static final String MISSING = "greenlight-no-such-tool";

  @Test
  void aToolOnThePathIsPresent() {
    assertTrue(ExternalTools.present("java") || ExternalTools.present("sh"));
  }

  @Test
  void aMissingToolSkipsOrFailsAsTheEnvironmentSays() {
    if (Boolean.parseBoolean(System.getenv(ExternalTools.REQUIRE_ENV))) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> ExternalTools.present("sh", MISSING));
      assertTrue(e.getMessage().contains("[" + MISSING + "] not on PATH"), e.getMessage());
    } else {
      assertFalse(ExternalTools.present("sh", MISSING));
    }
  }
}
