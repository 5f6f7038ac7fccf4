package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One name for the mode store's prefix in every process, the former API name still honoured. */
class ModeKeyPrefixTest {
  @Test
  void unsetMeansTheDefault() {
    assertEquals("greenlight:", ModeKeyPrefix.fromEnv(Map.of()));
    assertEquals("greenlight:", ModeKeyPrefix.fromEnv(Map.of("GREENLIGHT_REDIS_PREFIX", " ")));
  }

  @Test
  void redisPrefixIsTheName() {
    assertEquals("team-a:", ModeKeyPrefix.fromEnv(Map.of("GREENLIGHT_REDIS_PREFIX", "team-a:")));
  }

  @Test
  void formerApiNameIsStillReadSoADeployedApiKeepsFollowingTheRollout() {
    assertEquals("team-a:", ModeKeyPrefix.fromEnv(Map.of("GREENLIGHT_KEY_PREFIX", "team-a:")));
    assertEquals(
        "team-a:",
        ModeKeyPrefix.fromEnv(
            Map.of("GREENLIGHT_KEY_PREFIX", "team-a:", "GREENLIGHT_REDIS_PREFIX", "team-a:")));
  }

  @Test
  void bothNamesWithDifferentPrefixesAreRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModeKeyPrefix.fromEnv(
                    Map.of("GREENLIGHT_REDIS_PREFIX", "a:", "GREENLIGHT_KEY_PREFIX", "b:")));
    assertEquals(
        "GREENLIGHT_REDIS_PREFIX is 'a:' but GREENLIGHT_KEY_PREFIX is 'b:': they name one setting,"
            + " so they must agree; set only GREENLIGHT_REDIS_PREFIX",
        e.getMessage());
  }
}
