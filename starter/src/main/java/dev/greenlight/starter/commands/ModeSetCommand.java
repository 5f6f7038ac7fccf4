package dev.greenlight.starter.commands;

import dev.greenlight.starter.JsonOutput;
import dev.greenlight.starter.WorkflowTarget;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ModeWrite;
import dev.greenlight.validator.ModeWriteRule;
import dev.greenlight.validator.StaleModeVersionException;
import dev.greenlight.validator.UnreadableModeRecordException;
import dev.greenlight.validator.ValidationMode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code greenlight mode set off|warn --why …}: the runbook's manual lever. Writes the next version
 * of the surface's record through {@link ModeStore#write}, the protocol every writer uses (the
 * script audits it in the surface's stream and publishes it to every API instance), with the
 * operator as {@code changedBy}; then tells the running rollout with the {@code autoDowngrade}
 * signal the webhook sends, so a rollout in ENFORCE rolls back at once instead of finding the
 * foreign record at its next flip.
 *
 * <p>An unreadable record is replaced only by {@code warn} (through {@link
 * ModeStore#downgradeToWarn}, the one operation that writes over it). {@code enforce} is the
 * rollout's to enter, after a fresh WARN verdict: by hand it needs {@code --force}, and the rollout
 * is not told (a rollout that finds a foreign enforce at its next flip pauses). Bad input exits 2
 * before anything is read or written.
 */
@Command(
    name = "set",
    header = "Set the surface's mode (off, warn; enforce with --force), versioned and audited.")
public final class ModeSetCommand extends ReportingCommand {
  @Mixin ModeSurface surface;
  @Mixin WorkflowTarget target;

  @Parameters(index = "0", paramLabel = "MODE", description = "off, warn, or enforce (--force).")
  String modeName;

  @Option(names = "--why", required = true, description = "Why — stored in the record and audited.")
  String why;

  @Option(
      names = "--who",
      defaultValue = "${env:USER:-unknown}",
      description = "Who sets it (default: $USER); stored as changedBy.")
  String who;

  @Option(
      names = "--percent",
      description = "Share of consumers enforced, 0-100: enforce only (no default there).")
  Integer percent;

  @Option(names = "--force", description = "Allow enforce by hand, outside the rollout.")
  boolean force;

  @Option(
      names = "--no-signal",
      description =
          "Do not tell the rollout (no Temporal at hand); it finds the record at its next flip.")
  boolean noSignal;

  @Override
  public Integer call() {
    ModeChange change = change();
    surface.key(cli());
    PrintWriter out = cli().getOut();
    Written written;
    try (ModeSurface.Store store = surface.open(cli(), connection)) {
      written = write(store.modes(), change);
    }
    RolloutNotice notice =
        written.record() == null || change.mode() == ValidationMode.ENFORCE || noSignal
            ? RolloutNotice.notSent(
                written.record() == null
                    ? "nothing written"
                    : change.mode() == ValidationMode.ENFORCE
                        ? "not told of an enforce set by hand: it pauses when it finds it at its"
                            + " next flip"
                        : "not told (--no-signal): it finds the record at its next flip")
            : RolloutNotice.send(connection, target.workflowId, written.record());
    print(out, written, notice);
    return notice.failed() ? 1 : 0;
  }

  /** The requested change, or exit 2 naming the value and the rule. */
  private ModeChange change() {
    ValidationMode mode = BadInput.parse(cli(), "MODE", () -> ValidationMode.parse(modeName));
    if (why.isBlank()) {
      throw new CommandLine.ParameterException(cli(), "--why must not be blank");
    }
    if (who.isBlank()) {
      throw new CommandLine.ParameterException(cli(), "--who must not be blank");
    }
    if (percent != null) {
      OptionBounds.requireBetween(cli(), "--percent", percent, 0, 100);
    }
    if (mode == ValidationMode.ENFORCE) {
      if (!force) {
        throw new CommandLine.ParameterException(
            cli(),
            "refusing enforce outside a rollout: ENFORCE is the rollout's to enter, on a fresh"
                + " WARN verdict (docs/ARCHITECTURE.md, \"Gates\"); pass --force to set it by"
                + " hand anyway");
      }
      if (percent == null) {
        throw new CommandLine.ParameterException(cli(), "enforce needs --percent (0-100)");
      }
    } else if (percent != null && percent != 0) {
      throw new CommandLine.ParameterException(
          cli(), "--percent applies to enforce only but was " + percent + " for " + mode);
    }
    return new ModeChange(mode, percent == null ? 0 : percent, who.trim(), why.trim());
  }

  /**
   * What {@link ModeStore#write} wrote over any record (nothing when the record already says it),
   * with its failures told as the operator's next step.
   */
  private Written write(ModeStore modes, ModeChange change) {
    ModeWrite write;
    try {
      write = modes.write(surface.surface, change, ModeWriteRule.overAny());
    } catch (UnreadableModeRecordException e) {
      throw new IllegalStateException(
          "mode record "
              + e.key()
              + " is unreadable ("
              + e.problem()
              + "); only `greenlight mode set warn` replaces an unreadable record, then set "
              + change.mode().wireName(),
          e);
    } catch (StaleModeVersionException e) {
      throw new IllegalStateException(
          "the mode record kept changing under "
              + ModeStore.WRITE_ATTEMPTS
              + " attempts: "
              + e.getMessage()
              + "; nothing written, check `greenlight mode get` and run again",
          e);
    }
    return write.wrote()
        ? new Written(
            write.stored().orElseThrow(),
            write.found().orElse(null),
            write.replacedProblem().orElse(null))
        : new Written(null, write.found().orElse(null), null);
  }

  private void print(PrintWriter out, Written w, RolloutNotice notice) {
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("surface", surface.surface);
      json.put("written", w.record() != null);
      json.put("record", w.record() == null ? null : ModeSurface.json(w.record()));
      json.put("previous", w.previous() == null ? null : ModeSurface.json(w.previous()));
      json.put("replacedUnreadable", w.replacedProblem());
      json.put("workflowId", target.workflowId);
      json.put("rolloutTold", notice.sent());
      json.put("rollout", notice.detail());
      JsonOutput.print(out, json);
      return;
    }
    if (w.record() == null) {
      out.printf(
          "%s: already %s, nothing written%n", surface.surface, ModeSurface.describe(w.previous()));
    } else {
      out.printf(
          "%s: wrote %s%n%s%n",
          surface.surface,
          ModeSurface.describe(w.record()),
          w.replacedProblem() != null
              ? "  replacing an unreadable record: " + w.replacedProblem()
              : w.previous() == null
                  ? "  over no record"
                  : "  over " + ModeSurface.describe(w.previous()));
    }
    out.printf("rollout %s: %s%n", target.workflowId, notice.detail());
    out.flush();
  }

  /** The record written (null: none), the one it replaced, and an unreadable one's problem. */
  private record Written(ModeRecord record, ModeRecord previous, String replacedProblem) {}
}
