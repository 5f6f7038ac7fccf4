package dev.greenlight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.testsupport.Await;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The canary fails for real: mid-canary the load starts sending unknown stages (so the canary's
 * consumers see 422s) and the database refuses a share of inserts (so the API answers 503s).
 * Prometheus' StageEnforceErrorSpike fires, Alertmanager calls the webhook, the webhook writes
 * {@code warn} to Redis and signals the workflow, which records the rollback — and the API, which
 * follows Redis, stops rejecting.
 */
class RollbackEndToEndTest {
  private static final Duration TO_CANARY = Duration.ofMinutes(3);
  private static final Duration ALERT_PATH = Duration.ofSeconds(90);

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void errorSpikeMidCanaryIsDowngradedByTheAlertPathAndTheApiStopsRejecting() throws Exception {
    Path dir = Path.of("target", "e2e", "rollback").toAbsolutePath();
    long started = System.nanoTime();
    RolloutUnderLoad.run(
        dir,
        (stack, load, probe, cli, steering) -> {
          steering.driveUntil(
              probe,
              TO_CANARY,
              "the canary to enforce at 10%",
              s -> s.phase() == Phase.CANARY && s.mode() == ValidationMode.ENFORCE,
              () -> "load: " + load + stack.logs());

          // Unknown stages from now on: the canary's consumers get 422s.
          load.stageMix(8, 1, 1);
          long rejectsAtMixChange = load.count(422);
          Await.until(
              Duration.ofSeconds(30),
              "the canary to reject unknown stages",
              () -> load.count(422) - rejectsAtMixChange >= 10,
              () -> "load: " + load);
          long rejectedInCanary = load.count(422) - rejectsAtMixChange;
          assertEquals(0, load.serverErrors(), "no 5xx before the fault: " + load);

          long faultAt = System.nanoTime();
          ModeRecord downgraded;
          try (DatabaseFault fault = DatabaseFault.refuseInserts(stack.jdbi, 0.3)) {
            downgraded =
                Await.until(
                    ALERT_PATH,
                    "the webhook to write warn to Redis",
                    () -> stack.mode().filter(m -> m.mode() == ValidationMode.WARN).orElse(null),
                    () -> "load: " + load + stack.logs());
          }
          long alertToWarnMillis = (System.nanoTime() - faultAt) / 1_000_000;
          assertTrue(load.serverErrors() > 0, "the fault should have caused 5xx: " + load);
          assertEquals("ops-webhook", downgraded.changedBy(), downgraded.toString());
          assertTrue(downgraded.reason().contains("StageEnforceErrorSpike"), downgraded.reason());
          assertEquals(0, downgraded.enforcePercent());

          RolloutStatus rolledBack =
              steering.driveUntil(
                  probe,
                  Duration.ofSeconds(30),
                  "the workflow to record the rollback",
                  s -> s.phase() == Phase.ROLLED_BACK,
                  stack::logs);
          String story = RolloutProbe.describe(rolledBack);
          assertEquals(1, rolledBack.rollbacks(), story);
          assertEquals(ValidationMode.WARN, rolledBack.mode(), story);
          assertTrue(
              rolledBack.alerts().stream().anyMatch(a -> a.contains("StageEnforceErrorSpike")),
              story);
          assertTrue(
              RolloutProbe.recorded(rolledBack, "rolled back (alert StageEnforceErrorSpike"),
              story);

          // The API follows Redis: once its mode gauge says warn, no request is rejected any more.
          Await.until(
              Duration.ofSeconds(10),
              "the API's mode gauge to show warn",
              () -> {
                MetricsText metrics = MetricsText.scrape(stack.apiUri());
                return metrics != null && metrics.sum("stage_validation_mode", "") == 1.0;
              },
              stack::logs);
          // Answers are tallied per chunk: the chunk in flight at the flip may hold requests judged
          // before it, so it must be counted before the baseline is taken.
          long chunkAtFlip = load.chunks();
          Await.until(
              Duration.ofSeconds(10),
              "the chunk in flight at the flip to be tallied",
              () -> load.chunks() > chunkAtFlip,
              () -> "load: " + load);
          long rejectsAfter = load.count(422);
          long answeredAfter = load.answered();
          Await.until(
              Duration.ofSeconds(30),
              "300 more answers in warn",
              () -> load.answered() - answeredAfter >= 300,
              () -> "load: " + load);
          assertEquals(
              0, load.count(422) - rejectsAfter, "rejections after the downgrade: " + load);
          System.out.printf(
              "rollback: %d rejections in the canary; fault to warn in Redis %d ms; 0 rejections in"
                  + " the next %d answers; %d s in all%n",
              rejectedInCanary,
              alertToWarnMillis,
              load.answered() - answeredAfter,
              (System.nanoTime() - started) / 1_000_000_000);
        });
  }
}
