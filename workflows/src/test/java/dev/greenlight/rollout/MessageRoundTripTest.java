package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.ConsumerAuditRequest;
import dev.greenlight.rollout.activity.ConsumerAuditResult;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.GateReadRequest;
import dev.greenlight.rollout.activity.GateReadResult;
import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.rollout.activity.Notification;
import dev.greenlight.rollout.activity.NotificationDelivery;
import dev.greenlight.rollout.activity.RedisProbeRequest;
import dev.greenlight.rollout.activity.RedisProbeResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.NotifySink;
import dev.greenlight.rollout.plan.NotifySpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.rollout.plan.TestPlans;
import dev.greenlight.validator.ValidationMode;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message record survives Temporal's data converter unchanged. */
class MessageRoundTripTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  static Stream<Object> messages() {
    RolloutPlan plan = TestPlans.v34();
    GateSummary summary =
        new GateSummary("p99", GateSummary.Outcome.DATA, null, 30, 29, 0.0004, 0.0003, 0, 0, 0);
    Transition transition =
        new Transition(
            1_700_000_000_000L, Phase.CANARY, ValidationMode.ENFORCE, 10, "canary step 1");
    NotifySink sink =
        new NotifySink(
            "release-channel",
            NotifySink.Kind.SLACK,
            null,
            "SLACK_URL",
            null,
            null,
            "/etc/greenlight/hook.secret",
            List.of(NotifyEvent.PROMOTED, NotifyEvent.ROLLED_BACK),
            true);
    Notification notification =
        new Notification(
            "run-1.7.promoted",
            NotifyEvent.PROMOTED,
            7,
            1_700_000_000_000L,
            "rollout-stage-normalization-v3.4",
            "run-1",
            "stage-normalization-v3.4",
            "stage-validation",
            Phase.CANARY,
            ValidationMode.ENFORCE,
            50,
            "step 10% promoted: every gate green for 30 min");
    return Stream.of(
        plan,
        plan.withNotifications(new NotifySpec(List.of(sink))),
        new NotificationDelivery(sink, notification),
        new NotificationCounts(12, 10, 1, "release-channel run-1.3.paused: HTTP 500"),
        new RolloutInput(plan, "alice", null),
        new RolloutResult(Phase.COMPLETED, "done", List.of(transition), 3, 2_900),
        new ApproveInput("migration", "alice", "dry run reviewed"),
        new OperatorCommand("bob", "freeze"),
        new PromoteInput("carol", "customer waiting", true),
        new ExtendWarnInput(7, "dave", "partner migration"),
        new AlertSignal(
            "StageEnforceErrorSpike", "abc123", "errors 0.4%", "2026-11-25T10:00:00Z", true),
        new CommandResult(Phase.WARN, "paused"),
        transition,
        new ModeFlipRequest(
            "stage-validation", ValidationMode.ENFORCE, 50, "greenlight:r1", "canary step 2"),
        new ModeFlipRequest(
            "stage-validation", ValidationMode.ENFORCE, 10, "greenlight:r1", "canary step 1", 4L),
        new ModeFlipResult(
            ValidationMode.ENFORCE, 50, 7, false, "greenlight:rollout-x", "canary step 2"),
        new GateReadRequest(plan.canary().gates(), 0, 1_800_000),
        new GateReadResult(List.of(summary, GateSummary.error("errors", "HTTP 503"))),
        new InstantRequest("baseline", "up", 5),
        new InstantReading(0.02, null),
        new ConsumerAuditRequest("/var/log/a.log", List.of("10.0.0.0/8"), List.of("greenlight/")),
        new ConsumerAuditResult(100, 3, List.of("203.0.113.9 curl"), 1),
        new RedisProbeRequest("stage-validation", 200),
        new RedisProbeResult(850, true, "kept v3"),
        new BackupResult("/b/m.json", "ab".repeat(32), 10, 5, "copy", "pg_dump not found on PATH"),
        new RestoreTestResult(1200, 1000, 14),
        new DryRunResult(10, 4, 1, Map.of("Series A → series-a", 3L), Map.of("???", 1L)),
        new MigrationRequest("r1", 1000, 500, 0),
        new MigrationResult(10, 4, 1, 10),
        new DistinctStagesResult(false, Map.of("???", 1L)));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void survivesTheDataConverter(Object message) {
    var payload = CONVERTER.toPayload(message).orElseThrow();
    assertEquals(message, CONVERTER.fromPayload(payload, message.getClass(), message.getClass()));
  }
}
