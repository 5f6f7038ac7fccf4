package dev.greenlight.starter.commands;

import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.worker.RolloutWorker;
import dev.greenlight.worker.WorkerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code greenlight worker}: hosts the rollout workflow and its activities until stopped. */
@Command(name = "worker", header = "Run a worker for rollouts; SIGTERM shuts it down gracefully.")
public final class WorkerCommand extends ConnectedCommand {
  @Option(
      names = "--metrics-port",
      defaultValue = "${env:GREENLIGHT_METRICS_PORT:-9464}",
      description = "Port of the /metrics endpoint, 0 for none (default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Override
  public Integer call() throws InterruptedException {
    WorkerConfig config = connection.toWorkerConfig().toBuilder().metricsPort(metricsPort).build();
    try {
      config.requireServices();
    } catch (IllegalStateException e) {
      throw new CommandLine.ParameterException(cli(), e.getMessage());
    }
    PrometheusConnection prometheus = connection.prometheus(cli());
    RolloutWorker worker =
        RolloutWorker.start(config, prometheus, cli().getOut()).installShutdownHook();
    worker.awaitTermination();
    return 0;
  }
}
