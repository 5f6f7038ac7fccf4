package dev.greenlight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.e2e.browser.Chromium;
import dev.greenlight.e2e.browser.Page;
import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.localservices.TemporalCliServer;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.testsupport.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a person sees of a running rollout in the real Temporal server's Web UI, in a real headless
 * Chromium: the workflow's summary, its current details, the {@code Greenlight*} search attributes,
 * the timers' summaries; and that the {@code approve} update sent from the UI's form, with mouse
 * presses and keystrokes, takes effect. Also {@code greenlight list} on the real server's
 * visibility. Screenshots go to {@code e2e/target/e2e/web-ui/screenshots/}.
 */
class WebUiEndToEndTest {
  private static final Duration TO_APPROVAL = Duration.ofMinutes(3);
  private static final Duration UI = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aPersonSeesTheRolloutsSummaryDetailsSearchAttributesAndTimersInTheWebUi() throws Exception {
    String[] tools = {TemporalCliServer.PROGRAM, Chromium.PROGRAM};
    assumeTrue(ExternalTools.present(tools), ExternalTools.skipReason(tools));
    Path dir = Path.of("target", "e2e", "web-ui").toAbsolutePath();
    Path shots = dir.resolve("screenshots");
    long started = System.nanoTime();
    RolloutUnderLoad.run(
        dir,
        (stack, load, probe, cli, steering) -> {
          RolloutStatus waiting =
              steering.driveUntil(
                  probe,
                  TO_APPROVAL,
                  "the migration approval to be pending",
                  s -> s.pendingApprovals().contains(RolloutConstants.APPROVE_MIGRATION),
                  () -> "load: " + load + stack.logs());
          assertEquals(Phase.NORMALIZE, waiting.phase(), RolloutProbe.describe(waiting));
          long atApproval = System.nanoTime();

          JsonNode listed = awaitListed(cli);
          assertEquals("RUNNING", listed.get("status").asText(), listed.toString());
          assertEquals("NORMALIZE", listed.get("phase").asText(), listed.toString());
          assertEquals("warn", listed.get("mode").asText(), listed.toString());

          try (Chromium chromium = Chromium.start(dir)) {
            Page page = chromium.page();
            page.navigate(
                stack.temporalUi() + "/namespaces/default/workflows/" + Stack.WORKFLOW_ID);
            page.awaitClick(UI, "button, a, [role=tab]", "User Metadata");
            String metadata =
                page.awaitText(
                    UI,
                    "the workflow's summary and current details",
                    t ->
                        t.contains("Rollout of " + Stack.PLAN_NAME + " started by e2e")
                            && t.contains("Awaiting approval"));
            page.screenshot(shots.resolve("1-user-metadata.png"));
            assertTrue(metadata.contains(Stack.PLAN_NAME + " — NORMALIZE"), metadata);
            assertTrue(
                metadata.contains("Awaiting approval: " + RolloutConstants.APPROVE_MIGRATION),
                metadata);
            assertTrue(metadata.contains("Steer from the UI"), metadata);

            page.awaitClick(UI, "button, a, [role=tab]", "Search Attributes");
            String attributes =
                page.awaitText(
                    UI,
                    "the search attributes",
                    t -> t.contains("GreenlightPhase") && t.contains("GreenlightPercent"));
            page.screenshot(shots.resolve("2-search-attributes.png"));
            // The UI shows them as the JSON the server holds.
            assertTrue(attributes.contains("\"GreenlightPhase\": \"NORMALIZE\""), attributes);
            assertTrue(attributes.contains("\"GreenlightMode\": \"warn\""), attributes);
            assertTrue(attributes.contains("\"GreenlightPercent\": 0"), attributes);

            page.awaitClick(UI, "button, a, [role=tab]", "Event History");
            page.awaitText(
                UI,
                "the timers' summaries in the event history",
                t -> t.contains("off: minimum duration") && t.contains("warn: minimum duration"));
            page.screenshot(shots.resolve("3-timer-summaries.png"));

            approveFromTheUpdateForm(page, shots);
          }
          RolloutStatus approved =
              probe.awaitStatus(
                  UI,
                  "the approval sent from the UI to take effect",
                  s -> !s.pendingApprovals().contains(RolloutConstants.APPROVE_MIGRATION),
                  stack::logs);
          assertTrue(
              approved.commands().stream()
                  .anyMatch(
                      c ->
                          c.contains(
                                  "approved " + RolloutConstants.APPROVE_MIGRATION + " by web-ui")
                              && c.contains(UI_REASON)),
              RolloutProbe.describe(approved) + "\ncommands: " + approved.commands());

          System.out.printf(
              "web ui: stack to approval %d s; list and UI checks %d s; %d s in all%n",
              (atApproval - started) / 1_000_000_000,
              (System.nanoTime() - atApproval) / 1_000_000_000,
              (System.nanoTime() - started) / 1_000_000_000);
        });
  }

  private static final String UI_REASON = "dry run reviewed in the Web UI";

  /**
   * What the README tells a person to do: More Actions, Send an Update, pick {@code approve}, type
   * its JSON input, Submit. Every step is a mouse press or a keystroke on what is shown.
   */
  private static void approveFromTheUpdateForm(Page page, Path shots) throws Exception {
    page.awaitPress(UI, "More Actions", Page.shown("button", "More Actions"));
    // Menus and lists stay laid out but invisible while closed: only an open one is pressed.
    page.awaitPress(UI, "Send an Update", Page.shown("ul:not(.invisible) li", "Send an Update"));
    String input =
        "{\"step\": \""
            + RolloutConstants.APPROVE_MIGRATION
            + "\", \"who\": \"web-ui\", \"why\": \""
            + UI_REASON
            + "\"}";
    // The picker lists the updates once the UI has read the workflow's metadata from the worker,
    // and re-renders when it reads it again, which can change what it shows even after the JSON is
    // typed (CI saw extendWarn there at Submit): like a person, look at the whole form before
    // submitting, and fix what is off.
    for (int attempt = 1; !formStaysApprove(page); attempt++) {
      if (attempt > 4) {
        throw new AssertionError(
            "the form shows update '"
                + shownValue(page, "[id=update-select]")
                + "' with input '"
                + page.evaluate(EDITOR + "?.innerText").asText()
                + "'");
      }
      pickApprove(page);
      typeInput(page, input);
      page.pressTab();
    }
    page.screenshot(shots.resolve("4-approve-update-form.png"));
    page.awaitPress(UI, "Submit", Page.shown("button", "Submit"));
  }

  private static final String EDITOR = Page.shown(".cm-content[contenteditable=true]", "");

  /** The form reads approve with its input now and still a second later, when Submit is pressed. */
  private static boolean formStaysApprove(Page page) throws Exception {
    if (!formReadsApprove(page)) {
      return false;
    }
    Thread.sleep(1000);
    return formReadsApprove(page);
  }

  private static boolean formReadsApprove(Page page) throws Exception {
    return "approve".equals(shownValue(page, "[id=update-select]"))
        && page.evaluate(EDITOR + "?.innerText ?? ''").asText().contains(UI_REASON);
  }

  /** Picks {@code approve}, again if the picker re-rendered under the press. */
  private static void pickApprove(Page page) throws Exception {
    for (int attempt = 1; !"approve".equals(shownValue(page, "[id=update-select]")); attempt++) {
      if (attempt > 5) {
        throw new AssertionError(
            "the picker shows '" + shownValue(page, "[id=update-select]") + "', not approve");
      }
      page.awaitPress(UI, "the update picker", Page.shown("button:has([id=update-select])", ""));
      page.awaitPress(
          UI,
          "the approve update in the picker",
          Page.shown("[id=update-select-select]:not(.invisible) li", "approve"));
    }
  }

  /** Types the update's JSON input, again if the editor did not take it. */
  private static void typeInput(Page page, String input) throws Exception {
    for (int attempt = 1;
        !page.evaluate(EDITOR + "?.innerText ?? ''").asText().contains(UI_REASON);
        attempt++) {
      if (attempt > 3) {
        throw new AssertionError(
            "the update's JSON input reads '"
                + page.evaluate(EDITOR + "?.innerText").asText()
                + "'");
      }
      page.awaitPress(UI, "the update's JSON input", EDITOR);
      page.type(input);
    }
  }

  /** The value of the shown one of the inputs {@code selector} matches, or "" when none is. */
  private static String shownValue(Page page, String selector) {
    return page.evaluate(
            "[...document.querySelectorAll(%s)].find(e => e.getBoundingClientRect().width > 0)?.value ?? ''"
                .formatted(Page.quote(selector)))
        .asText();
  }

  /** {@code greenlight list --json}, polled until visibility shows the rollout in NORMALIZE. */
  private static JsonNode awaitListed(Cli cli) {
    return Await.until(
        Duration.ofSeconds(30),
        "greenlight list to show the rollout in NORMALIZE",
        () -> {
          Cli.Result r = cli.run("list", "--json").requireSuccess("greenlight list");
          JsonNode all;
          try {
            all = JSON.readTree(r.out());
          } catch (java.io.IOException e) {
            throw new AssertionError("list --json printed no JSON: " + r.out(), e);
          }
          for (JsonNode rollout : all) {
            if (rollout.get("workflowId").asText().equals(Stack.WORKFLOW_ID)
                && "NORMALIZE".equals(rollout.path("phase").asText())) {
              return rollout;
            }
          }
          return null;
        },
        () -> cli.run("list").out());
  }
}
