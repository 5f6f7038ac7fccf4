package dev.greenlight.starter.commands;

import dev.greenlight.starter.JsonOutput;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.UnreadableModeRecordException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code greenlight mode get}: the surface's record as the API's resolvers see it — decoded by the
 * same codec, so "readable" here means a resolver serves it, and an unreadable record is shown as
 * such with the field and value that break it (resolvers then serve their default, never enforce).
 * Exit 0 whenever Redis answered, whatever the record says.
 */
@Command(
    name = "get",
    header = "Show the surface's mode record and whether the API's resolvers can read it.")
public final class ModeGetCommand extends ReportingCommand {
  @Mixin ModeSurface surface;

  @Override
  public Integer call() {
    String key = surface.key(cli());
    Optional<ModeRecord> record;
    String problem = null;
    try (ModeSurface.Store store = surface.open(cli(), connection)) {
      try {
        record = store.modes().read(surface.surface);
      } catch (UnreadableModeRecordException e) {
        record = Optional.empty();
        problem = e.problem();
      }
    }
    PrintWriter out = cli().getOut();
    if (output.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("surface", surface.surface);
      json.put("key", key);
      json.put("present", record.isPresent() || problem != null);
      json.put("readable", problem == null);
      json.put("problem", problem);
      json.put("record", record.map(ModeSurface::json).orElse(null));
      JsonOutput.print(out, json);
      return 0;
    }
    out.printf("%-12s %s (Redis key %s)%n", "surface", surface.surface, key);
    if (problem != null) {
      out.printf(
          "%-12s NO: %s%n%-12s the API's resolvers treat it as no record and serve their configured"
              + " default (never enforce); `greenlight mode set warn --why …` replaces it%n",
          "readable", problem, "");
    } else if (record.isEmpty()) {
      out.printf(
          "%-12s none stored: the API's resolvers serve their configured default (never"
              + " enforce)%n",
          "record");
    } else {
      ModeRecord r = record.get();
      out.printf("%-12s %s %d%%%n", "mode", r.mode().wireName(), r.enforcePercent());
      out.printf("%-12s %d%n", "version", r.version());
      out.printf("%-12s %s%n", "changed by", r.changedBy());
      out.printf("%-12s %s%n", "why", r.reason());
      out.printf("%-12s %s%n", "when", r.changedAt());
      out.printf("%-12s yes: the API's resolvers serve this record%n", "readable");
    }
    out.flush();
    return 0;
  }
}
