package dev.greenlight.starter.commands;

import dev.greenlight.rollout.AlertSignal;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.Failures;
import dev.greenlight.starter.RolloutClient;
import dev.greenlight.validator.ModeRecord;
import io.temporal.client.WorkflowNotFoundException;

/**
 * Telling the rollout that a person set the mode: the {@code autoDowngrade} signal the ops webhook
 * sends for an alert ({@code AlertResponder}), with {@code modeAlreadyWritten} true. A rollout in
 * ENFORCE rolls back at once; in an earlier phase it records the change. No running rollout is not
 * a failure (the record stands); Temporal not answering is.
 *
 * @param sent whether the signal was delivered
 * @param failed whether telling failed (exit 1: the record is written, the rollout was not told)
 * @param detail what happened, for the operator
 */
record RolloutNotice(boolean sent, boolean failed, String detail) {
  /** The signal's {@code alertName}: what the rollout's transitions show. */
  static final String ALERT_NAME = "mode-set-by-hand";

  static RolloutNotice notSent(String why) {
    return new RolloutNotice(false, false, why);
  }

  static RolloutNotice send(ConnectionOptions connection, String workflowId, ModeRecord written) {
    AlertSignal signal =
        new AlertSignal(
            ALERT_NAME,
            "mode-version-" + written.version(),
            written.mode().wireName()
                + " "
                + written.enforcePercent()
                + "% set by "
                + written.changedBy()
                + ": "
                + written.reason(),
            written.changedAt().toString(),
            true);
    try (RolloutClient client = RolloutClient.connect(connection)) {
      client.rollout(workflowId).autoDowngrade(signal);
      return new RolloutNotice(
          true, false, "told (autoDowngrade): it rolls back if it was enforcing");
    } catch (WorkflowNotFoundException e) {
      return new RolloutNotice(false, false, "no running rollout to tell");
    } catch (RuntimeException e) {
      return new RolloutNotice(
          false,
          true,
          "NOT told: "
              + Failures.describe(e)
              + "; the record is written, and the rollout finds it at its next flip");
    }
  }
}
