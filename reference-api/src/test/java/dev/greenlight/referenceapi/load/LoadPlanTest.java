package dev.greenlight.referenceapi.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.validator.StageNormalizer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
  private static final URI LOCAL = URI.create("http://127.0.0.1:8080");

  @Test
  void onlyLoopbackTargetsAreAccepted() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> LoadPlan.to(URI.create("http://192.0.2.1:80")));
    assertTrue(refused.getMessage().contains("192.0.2.1"), refused.getMessage());
    LoadPlan.to(URI.create("http://localhost:8080"));
  }

  @Test
  void bothBoundsAreRequiredAndLimited() {
    LoadPlan plan = LoadPlan.to(LOCAL);
    assertThrows(IllegalArgumentException.class, () -> plan.withBounds(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> plan.withBounds(10, Duration.ZERO));
    IllegalArgumentException tooLong =
        assertThrows(
            IllegalArgumentException.class, () -> plan.withBounds(10, Duration.ofHours(1)));
    assertTrue(tooLong.getMessage().contains("PT1H"), tooLong.getMessage());
  }

  @Test
  void stageKindsAreWhatTheNormalizerSaysTheyAre() {
    StageNormalizer normalizer = StageNormalizer.defaults();
    for (String value : StageKind.CANONICAL.spellings()) {
      assertEquals(value, normalizer.normalizeToWireName(value), value);
    }
    for (String value : StageKind.ALIAS.spellings()) {
      String canonical = normalizer.normalizeToWireName(value);
      assertNotEquals(null, canonical, value + " must be an alias");
      assertNotEquals(value, canonical, value + " must not be canonical already");
    }
    for (String value : StageKind.UNKNOWN.spellings()) {
      assertNull(normalizer.normalizeToWireName(value), value);
    }
  }
}
