package dev.greenlight.starter.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.NotifySink;
import dev.greenlight.rollout.plan.NotifySpec;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.PlanFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyPreviewTest {
  private static RolloutPlan v34() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(PlanFiles.DEFAULT_PLAN))) {
        return new PlanParser().parse(d.resolve(PlanFiles.DEFAULT_PLAN));
      }
    }
    throw new IllegalStateException(
        "no " + PlanFiles.DEFAULT_PLAN + " above the working directory");
  }

  private static NotifySink sink(String name, List<NotifyEvent> events) {
    return new NotifySink(
        name, NotifySink.Kind.JSON, null, "HOOK_URL", null, "HOOK_SECRET", null, events, null);
  }

  @Test
  void withoutAUrlARehearsalSendsNothingEvenWhenThePlanHasSinks() {
    RolloutPlan plan = v34().withNotifications(new NotifySpec(List.of(sink("ops", null))));
    assertFalse(NotifyPreview.apply(plan, null).notifies());
  }

  @Test
  void thePreviewIsOneSlackSinkForEveryEventThePlansSinksAreSent() {
    RolloutPlan plan =
        v34()
            .withNotifications(
                new NotifySpec(
                    List.of(
                        sink("a", List.of(NotifyEvent.PROMOTED)),
                        sink("b", List.of(NotifyEvent.STARTED, NotifyEvent.ABORTED)))));
    NotifySink preview =
        NotifyPreview.apply(plan, "http://127.0.0.1:9/preview").notifications().sinks().get(0);
    assertEquals(NotifySink.Kind.SLACK, preview.kind());
    assertEquals("http://127.0.0.1:9/preview", preview.url());
    assertEquals(null, preview.secretEnv());
    assertEquals(
        EnumSet.of(NotifyEvent.STARTED, NotifyEvent.PROMOTED, NotifyEvent.ABORTED),
        EnumSet.copyOf(preview.events()));

    NotifySink defaults =
        NotifyPreview.apply(v34(), "https://hooks.example/x").notifications().sinks().get(0);
    assertEquals(NotifyEvent.DEFAULTS, EnumSet.copyOf(defaults.events()));
  }

  @Test
  void aUrlThatIsNoWebhookIsRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> NotifyPreview.apply(v34(), "hooks.example/x"));
    assertEquals(
        "--notify-url must be an http or https URL but was hooks.example/x", e.getMessage());
  }
}
