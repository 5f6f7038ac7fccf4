package dev.greenlight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.testsupport.Await;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The compressed plan from start to COMPLETED on real gates, under load, while things break: the
 * worker is killed with SIGKILL in OFF, in WARN, in the middle of the migration's apply, in the
 * canary and in the soak (a new one started each time); Prometheus is stopped during the canary (no
 * promotion, the rollout pauses and leaves ENFORCE; started again, the pause lifts by itself and
 * the step is entered again); Redis is stopped for 30 seconds at 50 % (the API keeps its last-known
 * mode). At the end every seeded row holds the normalizer's answer and the log has one row per
 * changed company.
 */
class RolloutThroughFaultsEndToEndTest {
  private static final Duration PHASE = Duration.ofMinutes(2);

  /** The apply's heartbeat timeout is 2 minutes: a killed apply is retried only after it. */
  private static final Duration AFTER_APPLY_KILL = Duration.ofMinutes(4);

  private static final Duration REDIS_OUTAGE = Duration.ofSeconds(30);
  private static final String CONNECT_FAILED = "[stage-mode] Redis connect failed";

  @Test
  @Timeout(value = 9, unit = TimeUnit.MINUTES)
  void compressedRolloutCompletesThroughWorkerKillsAPrometheusOutageAndARedisOutage()
      throws Exception {
    Path dir = Path.of("target", "e2e", "faults").toAbsolutePath();
    long started = System.nanoTime();
    List<String> kills = new ArrayList<>();
    RolloutUnderLoad.run(
        dir,
        (stack, load, probe, cli, steering) -> {
          steering.driveUntil(probe, PHASE, "OFF", s -> s.phase() == Phase.OFF, stack::logs);
          stack.killAndRestartWorker();
          kills.add("off");

          steering.driveUntil(probe, PHASE, "WARN", s -> s.phase() == Phase.WARN, stack::logs);
          stack.killAndRestartWorker();
          kills.add("warn");

          RolloutStatus applying =
              steering.driveUntil(
                  probe,
                  PHASE,
                  "the apply to commit its first batches",
                  s ->
                      MigrationControl.read(stack.jdbi)
                          .filter(MigrationControl::midApply)
                          .isPresent(),
                  stack::logs);
          stack.worker.kill();
          MigrationControl atKill = MigrationControl.read(stack.jdbi).orElseThrow();
          stack.worker.start();
          stack.awaitWorkerReady(stack.workerStarts() + 1);
          kills.add("apply after " + atKill.rowsUpdated() + " rows");
          long toChange = applying.dryRun().rowsToChange();
          assertTrue(
              atKill.status().equals("running") && atKill.rowsUpdated() < toChange,
              "the kill must land mid-apply: " + atKill + " of " + toChange);

          prometheusOutageInTheCanary(stack, cli, steering, probe, kills);
          redisOutageAtFiftyPercent(stack, steering, probe, load);

          steering.driveUntil(
              probe,
              PHASE,
              "the soak at 100%",
              s -> s.phase() == Phase.SOAK && s.percent() == 100,
              stack::logs);
          // The API took the soak's flip to 100 % from Redis after the outage, without a restart.
          Await.until(
              Duration.ofSeconds(10),
              "the API to enforce at 100%",
              () -> apiGauge(stack, "stage_validation_enforce_percent") == 100,
              stack::logs);
          stack.killAndRestartWorker();
          kills.add("soak");

          RolloutStatus done =
              steering.driveUntil(
                  probe, PHASE, "the rollout to finish", s -> s.phase().isTerminal(), stack::logs);
          String story = RolloutProbe.describe(done) + "\nkills: " + kills;
          assertEquals(Phase.COMPLETED, done.phase(), story);
          assertEquals(0, done.rollbacks(), story);
          assertTrue(RolloutProbe.recorded(done, "step 10% promoted"), story);
          assertTrue(RolloutProbe.recorded(done, "step 50% promoted"), story);
          assertTrue(
              RolloutProbe.recorded(done, "3 consecutive days under the unknown threshold"), story);
          JsonNode json = cli.statusJson(Stack.WORKFLOW_ID);
          assertEquals("COMPLETED", json.path("phase").asText(), json.toString());
          ModeRecord mode = stack.mode().orElseThrow();
          assertEquals(ValidationMode.ENFORCE, mode.mode());
          assertEquals(100, mode.enforcePercent());
          assertEquals(6, stack.workerStarts(), "one worker plus one per kill: " + kills);

          MigrationControl migration = MigrationControl.read(stack.jdbi).orElseThrow();
          assertEquals("completed", migration.status(), migration.toString());
          // Starting over would scan the rows before the kill a second time; a concurrent insert
          // committing late below the checkpoint may be missed, so "at most", not "exactly".
          long upToCheckpoint = migration.rowsUpToCheckpoint(stack.jdbi);
          assertTrue(
              migration.rowsScanned() <= upToCheckpoint,
              "the apply killed after "
                  + atKill.rowsUpdated()
                  + " updates went on from its checkpoint, scanning no row twice: "
                  + migration
                  + " with "
                  + upToCheckpoint
                  + " rows up to the checkpoint");
          assertTrue(migration.rowsUpdated() > atKill.rowsUpdated(), migration.toString());
          long changed = stack.seeded.assertMigrated();
          assertTrue(changed > 100, "the seed should need normalizing, changed " + changed);

          assertEquals(0, load.serverErrors(), load.toString());
          assertEquals(0, load.transportErrors(), load.toString());
          System.out.printf(
              "faults rollout: COMPLETED in %d s in all; kills %s; %d seeded rows normalized,"
                  + " apply %s; load %s%n",
              (System.nanoTime() - started) / 1_000_000_000, kills, changed, migration, load);
        });
  }

  /**
   * Prometheus stops as the canary starts, and the worker is killed while it is down: nothing is
   * promoted, the rollout pauses after the plan's errors in a row and — ENFORCE must not run blind
   * — downgrades to warn. Once Prometheus is back (same data) the pause lifts by itself and the
   * step is entered again after a fresh WARN verdict.
   */
  private static void prometheusOutageInTheCanary(
      Stack stack, Cli cli, Steering steering, RolloutProbe probe, List<String> kills) {
    steering.driveUntil(
        probe,
        AFTER_APPLY_KILL,
        "the canary at 10%",
        s -> s.phase() == Phase.CANARY && s.mode() == ValidationMode.ENFORCE && s.percent() == 10,
        stack::logs);
    long outageStarted = System.nanoTime();
    stack.prometheus.stop();
    stack.killAndRestartWorker();
    kills.add("canary 10% with Prometheus down");
    RolloutStatus paused =
        steering.driveUntil(
            probe,
            PHASE,
            "the rollout to pause on gate errors and leave ENFORCE",
            s -> s.paused() && s.mode() == ValidationMode.WARN,
            stack::logs);
    String story = RolloutProbe.describe(paused);
    assertTrue(paused.pauseReason().contains("gate reads in a row failed"), story);
    assertEquals("METRICS", paused.pauseCause(), story);
    assertTrue(paused.consecutiveGateErrors() >= 3, story);
    assertEquals(0, paused.canaryStep(), story);
    assertTrue(!RolloutProbe.recorded(paused, "promoted"), "nothing promoted while down: " + story);
    JsonNode json = cli.statusJson(Stack.WORKFLOW_ID);
    assertTrue(json.path("paused").asBoolean(), json.toString());
    assertEquals("CANARY", json.path("phase").asText(), json.toString());
    assertEquals("WARN", json.path("mode").asText(), json.toString());

    stack.restartPrometheus();
    RolloutStatus back =
        steering.driveUntil(
            probe,
            PHASE,
            "the pause to lift by itself and ENFORCE 10% to come back",
            s -> !s.paused() && s.mode() == ValidationMode.ENFORCE && s.percent() == 10,
            stack::logs);
    assertTrue(
        RolloutProbe.recorded(back, "resumed: gate reads succeed again"),
        RolloutProbe.describe(back));
    System.out.printf(
        "Prometheus outage: paused and in warn, back in ENFORCE %d s after it stopped%n",
        (System.nanoTime() - outageStarted) / 1_000_000_000);
  }

  /**
   * Redis stops for 30 seconds at 50 %: the API keeps enforcing at 50 % from its last-known mode,
   * answers no 5xx, counts fallbacks and logs the outage once; it is not restarted afterwards.
   */
  private static void redisOutageAtFiftyPercent(
      Stack stack, Steering steering, RolloutProbe probe, PacedLoad load) {
    steering.driveUntil(probe, PHASE, "the canary at 50%", s -> s.percent() == 50, stack::logs);
    Await.until(
        Duration.ofSeconds(10),
        "the API to enforce at 50%",
        () -> apiGauge(stack, "stage_validation_enforce_percent") == 50,
        stack::logs);
    double fallbacksBefore = apiGauge(stack, "stage_mode_fallbacks_total");
    long errorsBefore = load.serverErrors();
    long answeredBefore = load.answered();
    int warningsBefore = stack.api.logCount(CONNECT_FAILED);
    long stoppedAt = System.nanoTime();
    stack.redis.stop();
    try {
      // The outage lasts its length; meanwhile the API must go on enforcing at 50 %.
      Await.until(
          REDIS_OUTAGE.plusSeconds(10),
          REDIS_OUTAGE.toSeconds() + "s of Redis outage",
          () -> {
            assertEquals(2.0, apiGauge(stack, "stage_validation_mode"), "still enforce");
            assertEquals(50.0, apiGauge(stack, "stage_validation_enforce_percent"));
            return System.nanoTime() - stoppedAt >= REDIS_OUTAGE.toNanos();
          },
          stack::logs);
    } finally {
      stack.redis.start();
    }
    assertEquals(errorsBefore, load.serverErrors(), "no 5xx during the outage: " + load);
    assertTrue(
        load.answered() - answeredBefore >= PacedLoad.RATE * REDIS_OUTAGE.toSeconds() / 2,
        "the API kept answering: " + load);
    assertTrue(
        apiGauge(stack, "stage_mode_fallbacks_total") > fallbacksBefore,
        "fallbacks counted during the outage");
    assertEquals(
        warningsBefore + 1,
        stack.api.logCount(CONNECT_FAILED),
        "one WARN for the outage:\n" + stack.api.log(4000));
  }

  private static double apiGauge(Stack stack, String name) {
    MetricsText metrics = MetricsText.scrape(stack.apiUri());
    if (metrics == null) {
      throw new AssertionError("the API's /metrics did not answer");
    }
    return metrics.sum(name, "");
  }
}
