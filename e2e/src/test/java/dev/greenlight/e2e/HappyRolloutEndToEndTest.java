package dev.greenlight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.validator.ValidationMode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HappyRolloutEndToEndTest {
  private static final Duration ROLLOUT = Duration.ofMinutes(5);

  @Test
  @Timeout(value = 7, unit = java.util.concurrent.TimeUnit.MINUTES)
  void compressedPlanCompletesOnRealGatesUnderLoadAndMigratesEveryRow() throws Exception {
    Path dir = Path.of("target", "e2e", "happy").toAbsolutePath();
    long started = System.nanoTime();
    try (Stack stack = Stack.start(dir);
        PacedLoad load = new PacedLoad(stack.apiUri());
        RolloutProbe probe = new RolloutProbe(stack.temporalAddress(), Stack.WORKFLOW_ID)) {
      System.out.printf("stack up in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
      CompanyData data = stack.seeded;
      Cli cli = new Cli(stack.temporalAddress());
      Steering steering = new Steering(cli, Stack.WORKFLOW_ID);
      cli.start(RepoFiles.COMPRESSED_PLAN);
      RolloutStatus done =
          Await.until(
              ROLLOUT,
              "the rollout to finish",
              () -> {
                RolloutStatus s = probe.status();
                steering.approvePending(s);
                return s != null && s.phase().isTerminal() ? s : null;
              },
              () -> RolloutProbe.describe(probe.status()) + "\nload: " + load + stack.logs());
      String story = RolloutProbe.describe(done);
      assertEquals(Phase.COMPLETED, done.phase(), story);
      assertEquals(0, done.rollbacks(), story);
      assertTrue(RolloutProbe.recorded(done, "step 10% promoted"), story);
      assertTrue(RolloutProbe.recorded(done, "step 50% promoted"), story);
      assertTrue(
          RolloutProbe.recorded(done, "3 consecutive days under the unknown threshold"), story);
      JsonNode json = cli.statusJson(Stack.WORKFLOW_ID);
      assertEquals("COMPLETED", json.path("phase").asText(), json.toString());
      assertEquals(ValidationMode.ENFORCE, stack.mode().orElseThrow().mode());
      assertEquals(100, stack.mode().orElseThrow().enforcePercent());

      long changed = data.assertMigrated();
      assertTrue(changed > 100, "the seed should need normalizing, changed " + changed);
      assertEquals(0, load.serverErrors(), load.toString());
      assertTrue(load.answered() > 1_000, load.toString());
      System.out.printf(
          "happy rollout: %d s in all, %d seeded rows normalized, load %s%n",
          (System.nanoTime() - started) / 1_000_000_000, changed, load);
    }
  }
}
