package dev.greenlight.starter.commands;

import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.starter.DevServer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight dev-server}: Temporal's test server plus PostgreSQL and Redis, locally. */
@Command(
    name = "dev-server",
    mixinStandardHelpOptions = true,
    header =
        "Run Temporal's Java test server on loopback, with embedded PostgreSQL/Redis if unset.")
public final class DevServerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;

  @Option(
      names = "--port",
      defaultValue = "7233",
      description = "Temporal port (default ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535 but was " + port);
    }
    var config = connection.toWorkerConfig();
    DevServer server = DevServer.start(port, config.dbUrl(), config.redisUrl());
    Runtime.getRuntime()
        .addShutdownHook(new Thread(server::close, "greenlight-dev-server-shutdown"));
    server.describe(spec.commandLine().getOut());
    spec.commandLine()
        .getOut()
        .println("\nrunning; Ctrl-C stops it (its state is in memory and goes with it)");
    spec.commandLine().getOut().flush();
    server.awaitTermination();
    return 0;
  }
}
