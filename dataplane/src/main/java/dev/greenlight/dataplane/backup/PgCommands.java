package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DatabaseAddress;
import java.util.ArrayList;
import java.util.List;

/** The start of a tool's command line: the tool and where to connect — never the password. */
final class PgCommands {
  private PgCommands() {}

  static List<String> connection(PgTools.Tool tool, DatabaseAddress address) {
    List<String> command = new ArrayList<>();
    command.add(tool.path().toString());
    // -w: never prompt for a password; a missing one must fail, not hang a worker.
    command.add("-w");
    command.add("-h");
    command.add(address.host());
    command.add("-p");
    command.add(Integer.toString(address.port()));
    if (address.user() != null) {
      command.add("-U");
      command.add(address.user());
    }
    command.add("-d");
    // As a conninfo string the name cannot be mistaken for one (a name with '=' would be).
    command.add("dbname='" + address.database().replace("\\", "\\\\").replace("'", "\\'") + "'");
    return command;
  }
}
