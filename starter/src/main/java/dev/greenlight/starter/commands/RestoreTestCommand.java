package dev.greenlight.starter.commands;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.rollout.plan.HumanDurations;
import dev.greenlight.starter.PgToolOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight restore-test MANIFEST}: restores a backup into a scratch database, timed. */
@Command(
    name = "restore-test",
    header = "Restore a backup into a scratch database within a time limit, then drop it.")
public final class RestoreTestCommand extends ReportingCommand {
  @Mixin PgToolOptions pgTools;

  @Parameters(index = "0", paramLabel = "MANIFEST")
  Path manifest;

  @Option(
      names = "--limit",
      defaultValue = "5m",
      description = "Time limit (default ${DEFAULT-VALUE}).")
  String limit;

  @Override
  public Integer call() {
    Duration max = BadInput.parse(cli(), "--limit", () -> HumanDurations.parse(limit));
    // The manifest's format decides how to restore; the policy is for new backups only.
    var result =
        DataPlane.backups(cli(), connection, pgTools, BackupFormatPolicy.PG_DUMP)
            .restoreTest(manifest, max);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("durationMillis", result.durationMillis());
    json.put("limitMillis", result.limitMillis());
    json.put("tables", result.restoredTables());
    json.put("distinctStages", result.distinctStages());
    json.put("scratchDatabase", result.scratchDatabase());
    report(
        json,
        String.format(
            "restore test passed in %d ms (limit %d ms): %s, %s distinct stages, scratch database"
                + " %s dropped%n",
            result.durationMillis(),
            result.limitMillis(),
            result.restoredTables(),
            result.distinctStages(),
            result.scratchDatabase()));
    return 0;
  }
}
