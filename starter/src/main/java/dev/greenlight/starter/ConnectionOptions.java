package dev.greenlight.starter;

import dev.greenlight.metrics.InvalidPrometheusSettingException;
import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.worker.WorkerConfig;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The services a command talks to, each defaulting from the environment variable DESIGN.md names. A
 * picocli mixin: every command that needs a service mixes this in.
 */
public final class ConnectionOptions {
  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:TEMPORAL_ADDRESS:-localhost:7233}",
      description = "Temporal frontend (env TEMPORAL_ADDRESS, default ${DEFAULT-VALUE}).")
  public String temporalAddress;

  @Option(
      names = "--namespace",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE, default ${DEFAULT-VALUE}).")
  public String namespace;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      defaultValue = "${env:GREENLIGHT_DB_URL}",
      description = "PostgreSQL JDBC URL with credentials (env GREENLIGHT_DB_URL).")
  public String dbUrl;

  @Option(
      names = "--redis",
      paramLabel = "URL",
      defaultValue = "${env:REDIS_URL}",
      description = "Redis URL (env REDIS_URL).")
  public String redisUrl;

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      defaultValue = "${env:PROMETHEUS_URL}",
      description =
          "Prometheus base URL (env PROMETHEUS_URL). Credentials, CA and headers come from the"
              + " environment only: PROMETHEUS_BEARER_TOKEN_FILE, PROMETHEUS_USERNAME +"
              + " PROMETHEUS_PASSWORD_FILE, PROMETHEUS_CA_FILE, PROMETHEUS_HEADERS.")
  public String prometheusUrl;

  /** The worker configuration these options describe, the rest from the environment. */
  public WorkerConfig toWorkerConfig() {
    WorkerConfig env = WorkerConfig.fromEnv(System.getenv());
    return new WorkerConfig(
        temporalAddress,
        namespace,
        blank(dbUrl),
        blank(redisUrl),
        blank(prometheusUrl),
        env.backupDir(),
        env.backupFormat(),
        env.redisPrefix(),
        env.metricsPort(),
        env.stickyExecution());
  }

  /**
   * The Prometheus connection: the URL from {@code --prometheus} or {@code PROMETHEUS_URL}, the
   * credentials, CA and headers from the environment.
   *
   * @throws CommandLine.ParameterException (exit 2) naming the setting when one is unusable
   */
  public PrometheusConnection prometheus(CommandLine cli) {
    try {
      return PrometheusConnection.fromEnv(blank(prometheusUrl), System.getenv());
    } catch (InvalidPrometheusSettingException e) {
      throw new CommandLine.ParameterException(
          cli,
          e.getMessage()
              .replaceFirst(
                  "^" + PrometheusConnection.URL,
                  "--prometheus (" + PrometheusConnection.URL + ")"));
    }
  }

  public Path backupDir() {
    return WorkerConfig.fromEnv(System.getenv()).backupDir();
  }

  static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
