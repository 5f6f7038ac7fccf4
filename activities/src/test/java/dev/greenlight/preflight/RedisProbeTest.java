package dev.greenlight.preflight;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedisProbeTest {
  @Test
  void timesGetsAndProvesTheResolverKeepsTheLastKnownModeWhenCutOff() throws Exception {
    String prefix = "gltest:" + UUID.randomUUID() + ":";
    RedisClient client = RedisClient.create(TestServices.redis().url());
    try (ModeStore store = new ModeStore(client, prefix)) {
      store.compareAndSet(
          "surface", 0, new ModeChange(ValidationMode.WARN, 0, "test", "seed a mode"));
      RedisProbe.Result result =
          new RedisProbe(RedisURI.create(TestServices.redis().url()), prefix).probe("surface", 50);

      assertTrue(result.fallbackVerified(), result.detail());
      assertTrue(result.detail().contains("last-known mode warn v1"), result.detail());
      assertTrue(result.getP99Micros() > 0);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void unreachableRedisFailsTheProbe() {
    RedisProbe probe = new RedisProbe(RedisURI.create("redis://127.0.0.1:1"), "gltest:");
    assertFalse(
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> probe.probe("s", 10))
            .getMessage()
            .isEmpty());
  }
}
