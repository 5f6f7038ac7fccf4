package dev.greenlight.starter.commands;

import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.worker.RolloutWorker;
import dev.greenlight.worker.WorkerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code greenlight worker}: hosts the rollout workflow and its activities until stopped. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    header = "Run a worker for rollouts; SIGTERM shuts it down gracefully.")
public final class WorkerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ConnectionOptions connection;

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
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrometheusConnection prometheus = connection.prometheus(spec.commandLine());
    RolloutWorker worker =
        RolloutWorker.start(config, prometheus, spec.commandLine().getOut()).installShutdownHook();
    worker.awaitTermination();
    return 0;
  }
}
