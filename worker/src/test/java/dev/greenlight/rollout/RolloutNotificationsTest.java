package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.NotifySink;
import dev.greenlight.rollout.plan.NotifySpec;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.validator.ValidationMode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rollout's notifications against a real webhook receiver on loopback: what is sent when, with
 * which id, and that a receiver that is down for good changes nothing about the rollout.
 */
class RolloutNotificationsTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private final NotifyReceiver receiver = new NotifyReceiver();

  @AfterEach
  void close() {
    receiver.close();
  }

  private static RolloutPlan planNotifying(NotifySink... sinks) {
    return RolloutTestKit.loadPlan().withNotifications(new NotifySpec(List.of(sinks)));
  }

  private static RolloutResult runHealthy(RolloutTestKit kit) {
    kit.start(script -> {});
    kit.awaitPending(RolloutConstants.APPROVE_MIGRATION);
    kit.workflow().approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "ok"));
    return kit.result();
  }

  private static List<String> events(List<NotifyReceiver.Delivery> deliveries) {
    return deliveries.stream().map(d -> d.body().at("/data/event").asText()).toList();
  }

  @Test
  void aHealthyRolloutTellsEachStepOnceAndARetriedDeliveryKeepsItsId() throws Exception {
    RolloutPlan plan =
        planNotifying(
            receiver.sink(
                "audit",
                NotifySink.Kind.JSON,
                "/audit",
                "HOOK_SECRET",
                Arrays.asList(NotifyEvent.values())),
            receiver.sink("chat", NotifySink.Kind.SLACK, "/chat", null, null));
    receiver.failFirstAttemptOf(id -> id.endsWith(".approval-pending"));
    RolloutResult result;
    RolloutStatus status;
    try (RolloutTestKit kit = new RolloutTestKit(plan, false)) {
      kit.environment.put("HOOK_SECRET", SECRET);
      result = runHealthy(kit);
      status = kit.status();
      kit.recordHistory("aHealthyRolloutTellsEachStepOnceAndARetriedDeliveryKeepsItsId");
    }

    assertEquals(Phase.COMPLETED, result.outcome(), result.reason());
    List<NotifyReceiver.Delivery> audit = receiver.at("/audit");
    List<NotifyReceiver.Delivery> firstAttempts =
        audit.stream()
            .collect(Collectors.toMap(NotifyReceiver.Delivery::id, d -> d, (a, b) -> a))
            .values()
            .stream()
            .sorted((a, b) -> Long.compare(seq(a), seq(b)))
            .toList();
    assertEquals(
        List.of(
            "started",
            "promoted",
            "promoted",
            "promoted",
            "approval-pending",
            "promoted",
            "promoted",
            "promoted",
            "promoted",
            "completed"),
        events(firstAttempts),
        audit.toString());
    // The 503 was retried with the same id: the receiver can tell it is a repeat.
    assertEquals(firstAttempts.size() + 1, audit.size());
    String attempt = status.attemptId();
    for (NotifyReceiver.Delivery d : firstAttempts) {
      assertEquals(
          attempt + "." + seq(d) + "." + d.body().at("/data/event").asText(), d.id(), "id form");
      assertEquals(d.id(), d.body().at("/data/id").asText());
      assertEquals("rollout." + d.body().at("/data/event").asText(), d.body().get("type").asText());
    }
    for (NotifyReceiver.Delivery d : audit) {
      assertEquals(sign(d.id() + "." + d.timestamp() + "." + d.body()), d.signature());
    }
    assertTrue(
        firstAttempts.get(4).body().at("/data/summary").asText().contains("approval of migration"));
    assertEquals("enforce", firstAttempts.get(6).body().at("/data/mode").asText());
    assertTrue(
        firstAttempts.get(6).body().at("/data/summary").asText().startsWith("step 10% promoted"));

    // The Slack sink gets the defaults (no "started"), the same ids, no signature.
    List<NotifyReceiver.Delivery> chat = receiver.at("/chat");
    assertEquals(firstAttempts.size() - 1, chat.stream().map(d -> d.id()).distinct().count());
    assertEquals(firstAttempts.size(), chat.size(), "one retried");
    assertTrue(chat.stream().allMatch(d -> d.signature() == null && d.body().has("text")));
    assertTrue(chat.get(chat.size() - 1).body().get("text").asText().contains(": completed\n"));

    NotificationCounts counts = status.notifications();
    assertEquals(firstAttempts.size() * 2 - 1, counts.sent());
    assertEquals(counts.sent(), counts.delivered());
    assertEquals(0, counts.failed());
  }

  @Test
  void pausedResumedRetryingRolledBackAndAbortedEachSayWhy() {
    RolloutPlan plan =
        planNotifying(receiver.sink("chat", NotifySink.Kind.JSON, "/chat", null, null));
    try (RolloutTestKit kit = new RolloutTestKit(plan, false)) {
      kit.reachCanary(10);
      kit.workflow().pause(new OperatorCommand("alice", "release freeze"));
      settled(kit);
      kit.workflow().resume(new OperatorCommand("alice", "freeze over"));
      settled(kit);
      kit.modes.failFlipsTo(ValidationMode.WARN);
      kit.workflow()
          .autoDowngrade(
              new AlertSignal(
                  "StageEnforceErrorSpike", "f1", "errors 2%", "2026-11-25T10:00Z", true));
      kit.awaitStatus(
          s -> s.phase() == Phase.ROLLED_BACK, Duration.ofHours(1), Duration.ofMinutes(1));
      kit.modes.heal();
      kit.awaitStatus(
          s -> s.pendingDowngrade() == null, Duration.ofHours(1), Duration.ofMinutes(1));
      kit.workflow().abort(new OperatorCommand("bob", "not this quarter"));
      assertEquals(Phase.ABORTED, kit.result().outcome());
      kit.recordHistory("pausedResumedRetryingRolledBackAndAbortedEachSayWhy");
    }

    // Deliveries run concurrently and may arrive out of order; the sequence orders them.
    List<NotifyReceiver.Delivery> chat =
        receiver.at("/chat").stream().sorted((a, b) -> Long.compare(seq(a), seq(b))).toList();
    List<String> tail = events(chat).subList(events(chat).indexOf("paused"), chat.size());
    assertEquals(
        List.of("paused", "resumed", "retrying", "rolled-back", "aborted"), tail, tail.toString());
    assertEquals("paused by alice: release freeze", summary(chat, "paused"));
    assertEquals("resumed by alice: freeze over", summary(chat, "resumed"));
    assertTrue(summary(chat, "retrying").contains("Redis unavailable"), summary(chat, "retrying"));
    assertTrue(
        summary(chat, "rolled-back")
            .startsWith("rolled back (alert StageEnforceErrorSpike: errors 2%)"),
        summary(chat, "rolled-back"));
    assertTrue(summary(chat, "aborted").contains("bob: not this quarter"));
  }

  /**
   * Continue-as-new waits for no delivery and drops none: the sequence and the counts carry into
   * the next run, so ids stay unique and every delivery is accounted for.
   */
  @Test
  void theSequenceAndTheCountsCarryAcrossContinueAsNew() throws Exception {
    String yaml =
        Files.readString(RolloutTestKit.planFile())
            .replace("historyEventLimit: 3000", "historyEventLimit: 500");
    RolloutPlan plan =
        new PlanParser()
            .parse(yaml, "plan.yaml")
            .withNotifications(
                new NotifySpec(
                    List.of(
                        receiver.sink(
                            "audit",
                            NotifySink.Kind.JSON,
                            "/audit",
                            null,
                            Arrays.asList(NotifyEvent.values())))));
    RolloutResult result;
    RolloutStatus status;
    try (RolloutTestKit kit = new RolloutTestKit(plan, false)) {
      result = runHealthy(kit);
      status = kit.status();
      kit.recordHistory("theSequenceAndTheCountsCarryAcrossContinueAsNew");
    }

    assertEquals(Phase.COMPLETED, result.outcome(), result.reason());
    assertTrue(result.runs() > 2, "runs: " + result.runs());
    List<Long> sequences = receiver.at("/audit").stream().map(d -> seq(d)).sorted().toList();
    assertEquals(
        LongStream.rangeClosed(1, sequences.size()).boxed().toList(),
        sequences,
        "one delivery per notification, numbered without gaps across runs");
    NotificationCounts counts = status.notifications();
    assertEquals(sequences.size(), counts.sent());
    assertEquals(counts.sent(), counts.delivered());
  }

  /**
   * A receiver down for good, and a sink whose secret is missing on the worker: the rollout runs
   * exactly as one without notifications — same transitions at the same times — and counts every
   * delivery as failed. The one without sends nothing and records no version marker.
   */
  @Test
  void aReceiverDownForGoodChangesNothingAboutTheRollout() {
    List<String> without;
    try (RolloutTestKit kit = new RolloutTestKit()) {
      assertEquals(Phase.COMPLETED, runHealthy(kit).outcome());
      without = timeline(kit.status());
      List<HistoryEvent> history =
          kit.env.getWorkflowClient().fetchHistory(kit.workflowId).getEvents();
      assertFalse(
          history.stream()
              .anyMatch(
                  e ->
                      e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                          && e.toString().contains(Notifier.NOTIFICATIONS)),
          "no version marker without sinks");
      assertFalse(
          history.stream()
              .anyMatch(
                  e ->
                      e.hasActivityTaskScheduledEventAttributes()
                          && e.getActivityTaskScheduledEventAttributes()
                              .getActivityType()
                              .getName()
                              .equals("Deliver")),
          "no deliveries without sinks");
    }

    receiver.goDown();
    RolloutPlan plan =
        planNotifying(
            receiver.sink("down", NotifySink.Kind.SLACK, "/down", null, null),
            receiver.sink(
                "unsigned", NotifySink.Kind.JSON, "/never", "NOT_SET_ON_THE_WORKER", null));
    try (RolloutTestKit kit = new RolloutTestKit(plan, false)) {
      RolloutResult result = runHealthy(kit);
      assertEquals(Phase.COMPLETED, result.outcome(), result.reason());
      RolloutStatus status = kit.status();
      assertEquals(without, timeline(status));

      NotificationCounts counts = status.notifications();
      assertTrue(counts.sent() >= 16, counts.toString());
      assertEquals(counts.sent(), counts.failed(), counts.toString());
      assertEquals(0, counts.delivered());
      assertNotNull(counts.lastFailure());
      // Six attempts for each delivery to the receiver that is down, none to the misconfigured one.
      assertEquals(6 * counts.sent() / 2, receiver.at("/down").size());
      assertEquals(0, receiver.at("/never").size());
      kit.recordHistory("aReceiverDownForGoodChangesNothingAboutTheRollout");
    }
  }

  /**
   * Waits until no delivery is in flight. Temporal's in-process test server can leave an update
   * unanswered when it arrives while an activity the previous update started is completing (seen
   * here: a resume right after a pause hung for good); a real server answers it.
   */
  private static void settled(RolloutTestKit kit) {
    kit.awaitStatus(
        s -> s.notifications().inFlight() == 0, Duration.ofMinutes(1), Duration.ofSeconds(1));
  }

  /**
   * Every transition but continue-as-new bookkeeping, each with the minutes since the one before:
   * activities take a few real milliseconds of simulated time, and when the test approves the
   * migration is the test's choice, so that gap is left out.
   */
  private static List<String> timeline(RolloutStatus status) {
    List<String> lines = new java.util.ArrayList<>();
    Transition previous = null;
    for (Transition t : status.transitions()) {
      if (t.reason().startsWith("continuing as new")) {
        continue;
      }
      String gap =
          previous == null
              ? "start"
              : previous.reason().startsWith("waiting for approval")
                  ? "approved"
                  : "+" + Math.round((t.atMillis() - previous.atMillis()) / 60_000.0) + "m";
      lines.add(
          gap
              + " "
              + t.phase()
              + " "
              + t.mode()
              + " "
              + t.percent()
              + " "
              + t.reason().replaceAll("\\(attempt [^)]*\\)", "(attempt)"));
      previous = t;
    }
    return lines;
  }

  private static long seq(NotifyReceiver.Delivery d) {
    return d.body().at("/data/sequence").asLong();
  }

  private static String summary(List<NotifyReceiver.Delivery> deliveries, String event) {
    return deliveries.stream()
        .filter(d -> d.body().at("/data/event").asText().equals(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + event + " in " + deliveries))
        .body()
        .at("/data/summary")
        .asText();
  }

  private static String sign(String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
    return "v1,"
        + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
