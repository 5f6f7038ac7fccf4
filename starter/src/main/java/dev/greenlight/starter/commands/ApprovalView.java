package dev.greenlight.starter.commands;

import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.activity.DryRunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each pending approval is about, from the status alone: why the rollout asks (its "waiting
 * for approval" transition) and, for the data steps, the evidence to decide on — the dry run's
 * counts and its most frequent rewrites and unmappable values, the backup and its restore test, the
 * non-canonical values left after apply. The restore test's time is read from day 5's transition,
 * which is all the state keeps of it.
 *
 * @param step the approval's name, as {@code greenlight approve STEP} takes it
 * @param why the rollout's own words when it started waiting, or null
 * @param details label → value, in the order to show them
 */
record ApprovalView(String step, String why, Map<String, Object> details) {
  /** How many values of each list a person is shown; the status carries up to 50. */
  static final int TOP = 5;

  private static final String WAITING = "waiting for approval of ";
  private static final Pattern RESTORED =
      Pattern.compile("^backup verified and restored in (\\d+)ms \\((\\d+) rows\\)");

  static List<ApprovalView> of(RolloutStatus s) {
    List<ApprovalView> views = new ArrayList<>();
    for (String step : s.pendingApprovals()) {
      Map<String, Object> details = new LinkedHashMap<>();
      switch (step) {
        case RolloutConstants.APPROVE_MIGRATION -> migration(s, details);
        case RolloutConstants.APPROVE_DISTINCT_STAGES -> distinctStages(s, details);
        case RolloutConstants.APPROVE_MIGRATION_RESUME -> resume(s, details);
        default -> {}
      }
      views.add(new ApprovalView(step, why(s, step), details));
    }
    return views;
  }

  private static void migration(RolloutStatus s, Map<String, Object> details) {
    DryRunResult dry = s.dryRun();
    if (dry != null) {
      details.put(
          "dry run",
          dry.rowsToChange()
              + " of "
              + dry.rowsScanned()
              + " rows would change, "
              + dry.rowsUnmappable()
              + " unmappable (left as they are)");
      details.put("top rewrites", top(dry.mappings(), false));
      details.put("top unmappable", top(dry.unmappable(), true));
    }
    backup(s, details);
  }

  private static void backup(RolloutStatus s, Map<String, Object> details) {
    if (s.backupManifest() != null) {
      String name = Path.of(s.backupManifest()).getFileName().toString();
      details.put("backup", name.replaceFirst("\\.manifest\\.json$", ""));
      details.put("manifest", s.backupManifest());
    }
    Matcher restored = lastMatch(s.transitions(), RESTORED);
    if (restored != null) {
      details.put(
          "restore test", restored.group(1) + " ms, " + restored.group(2) + " rows restored");
    }
  }

  private static void distinctStages(RolloutStatus s, Map<String, Object> details) {
    if (s.migration() != null) {
      details.put(
          "applied",
          s.migration().rowsUpdated()
              + " rows updated, "
              + s.migration().rowsUnmappable()
              + " unmappable left");
    }
    details.put("offending stages", s.offendingStages().size() + " non-canonical values");
    details.put("top offending", top(s.offendingStages(), true));
  }

  private static void resume(RolloutStatus s, Map<String, Object> details) {
    if (s.migration() != null) {
      details.put(
          "checkpoint",
          "id " + s.migration().lastId() + ", " + s.migration().rowsUpdated() + " rows updated");
    }
    backup(s, details);
  }

  /**
   * The {@link #TOP} largest entries, largest first, as "value: N rows"; {@code quote} puts a
   * stored value in quotes, so a blank or padded one shows as it is.
   */
  static List<String> top(Map<String, Long> counts, boolean quote) {
    if (counts == null) {
      return List.of();
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(TOP)
        .map(e -> (quote ? "'" + e.getKey() + "'" : e.getKey()) + ": " + e.getValue() + " rows")
        .toList();
  }

  private static String why(RolloutStatus s, String step) {
    String prefix = WAITING + step + ": ";
    List<Transition> ts = s.transitions();
    for (int i = ts.size() - 1; i >= 0; i--) {
      if (ts.get(i).reason().startsWith(prefix)) {
        return ts.get(i).reason().substring(prefix.length());
      }
    }
    return null;
  }

  private static Matcher lastMatch(List<Transition> ts, Pattern pattern) {
    for (int i = ts.size() - 1; i >= 0; i--) {
      Matcher m = pattern.matcher(ts.get(i).reason());
      if (m.find()) {
        return m;
      }
    }
    return null;
  }
}
