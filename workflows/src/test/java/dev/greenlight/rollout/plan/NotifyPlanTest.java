package dev.greenlight.rollout.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NotifyPlanTest {
  private final PlanParser parser = new PlanParser();

  private static String v34() throws IOException {
    return Files.readString(TestPlans.V34);
  }

  private RolloutPlan withNotify(String section) throws IOException {
    return parser.parse(v34() + "\nnotify:\n" + section, "plan.yaml");
  }

  private String refused(String section) {
    return assertThrows(PlanException.class, () -> withNotify(section)).getMessage();
  }

  @Test
  void shippedPlansWithoutNotifySendNothing() {
    assertNull(TestPlans.v34().notifications());
    assertFalse(TestPlans.v34().notifies());
    assertFalse(parser.parse(RepoFiles.locate("plans/e2e-compressed.yaml")).notifies());
  }

  /** The commented example in the shipped plan is what the docs point at: it must parse. */
  @Test
  void theShippedPlansCommentedExampleIsValid() throws IOException {
    String example =
        v34()
            .lines()
            .dropWhile(line -> !line.equals("#notify:"))
            .map(line -> line.substring(1))
            .collect(Collectors.joining("\n"));
    RolloutPlan plan = parser.parse(v34() + "\n" + example + "\n", "plan.yaml");

    List<NotifySink> sinks = plan.notifications().sinks();
    assertEquals(2, sinks.size());
    NotifySink slack = sinks.get(0);
    assertEquals(NotifySink.Kind.SLACK, slack.kind());
    assertEquals("GREENLIGHT_SLACK_WEBHOOK_URL", slack.urlEnv());
    assertTrue(slack.withBlocks());
    assertFalse(slack.signed());
    NotifySink audit = sinks.get(1);
    assertEquals(NotifySink.Kind.JSON, audit.kind());
    assertTrue(audit.signed());
    assertTrue(audit.sends(NotifyEvent.ROLLED_BACK));
    assertFalse(audit.sends(NotifyEvent.PAUSED));
  }

  @Test
  void aSinkWithoutEventsIsSentTheDefaultsButNotStarted() throws IOException {
    NotifySink sink =
        withNotify("  sinks:\n    - {name: ops, kind: json, url: 'http://127.0.0.1:9/hook'}\n")
            .notifications()
            .sinks()
            .get(0);
    for (NotifyEvent event : NotifyEvent.values()) {
      assertEquals(event != NotifyEvent.STARTED, sink.sends(event), event.wireName());
    }
    assertEquals("approval-pending", NotifyEvent.APPROVAL_PENDING.wireName());
    assertEquals("needs-attention", NotifyEvent.NEEDS_ATTENTION.wireName());
  }

  @Test
  void aSlackWebhookUrlInThePlanIsRefusedWithoutEchoingIt() {
    String message =
        refused(
            "  sinks:\n    - {name: chat, kind: slack, url: 'https://hooks.slack.com/services/T0/B0/s3cr3t'}\n");
    assertTrue(
        message.contains("notify.sinks[0].url (line ")
            && message.contains("is a Slack webhook URL, which is a secret: name it with urlEnv"),
        message);
    assertFalse(message.contains("s3cr3t"), message);
  }

  @Test
  void credentialsInAUrlAreRefusedWithoutEchoingThem() {
    String message =
        refused(
            "  sinks:\n    - {name: ops, kind: json, url: 'https://bot:hunter2@example.org/h'}\n");
    assertTrue(message.contains("must not carry credentials"), message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void aSinkNeedsExactlyOneUrl() {
    assertTrue(
        refused("  sinks:\n    - {name: ops, kind: json}\n")
            .contains("needs exactly one of url, urlEnv and urlFile but has 0"));
    assertTrue(
        refused("  sinks:\n    - {name: ops, kind: json, url: 'http://a/h', urlEnv: HOOK}\n")
            .contains("needs exactly one of url, urlEnv and urlFile but has 2"));
    assertTrue(
        refused("  sinks:\n    - {name: ops, kind: json, url: 'ftp://a/h'}\n")
            .contains("must be an http or https URL but was ftp://a/h"));
  }

  @Test
  void eachBrokenRuleNamesItsFieldAndValue() {
    String message =
        refused(
            "  sinks:\n"
                + "    - {name: Ops, kind: json, urlEnv: 'HOOK-URL', secretFile: hook.secret}\n"
                + "    - {name: chat, kind: json, urlFile: /etc/h, secretEnv: S, secretFile: /s,"
                + " blocks: true, events: [paused, paused]}\n"
                + "    - {name: chat, kind: slack, urlEnv: CHAT}\n");
    for (String expected :
        List.of(
            "notify.sinks[0].name (line ",
            "must be lower-case letters, digits and dashes (at most 63) but was Ops",
            "notify.sinks[0].urlEnv (line ",
            "must be an environment variable name like HOOK_URL but was HOOK-URL",
            "notify.sinks[0].secretFile (line ",
            "must be an absolute path on the worker but was hook.secret",
            "notify.sinks[1] (line ",
            "needs at most one of secretEnv and secretFile",
            "notify.sinks[1].blocks (line ",
            "is for slack sinks only",
            "notify.sinks[1].events (line ",
            "lists paused twice",
            "notify.sinks[2].name (line ",
            "must be unique but chat is used twice")) {
      assertTrue(message.contains(expected), expected + " in " + message);
    }
  }

  @Test
  void anUnknownEventNamesTheValueAndTheKnownOnes() {
    String message =
        refused("  sinks:\n    - {name: ops, kind: json, url: 'http://a/h', events: [promote]}\n");
    assertTrue(message.contains("notify.sinks[0].events[0]: "), message);
    assertTrue(message.contains("\"promote\""), message);
    assertTrue(message.contains("promoted") && message.contains("approval-pending"), message);
  }

  @Test
  void aNotifySectionWithoutSinksIsRefused() {
    assertTrue(
        refused("  sinks: []\n").contains("notify.sinks (line ")
            && refused("  sinks: []\n")
                .contains("must list at least one sink (or leave out notify:)"));
  }

  @Test
  void withersKeepTheNotifySection() throws IOException {
    RolloutPlan plan =
        withNotify("  sinks:\n    - {name: ops, kind: json, url: 'http://127.0.0.1:9/hook'}\n");
    assertEquals(plan.notifications(), plan.withPreflight(plan.preflight()).notifications());
    assertNull(plan.withNotifications(null).notifications());
    assertEquals(plan, plan.withNotifications(null).withNotifications(plan.notifications()));
  }
}
