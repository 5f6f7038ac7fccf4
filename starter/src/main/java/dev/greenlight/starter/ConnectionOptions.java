package dev.greenlight.starter;

import dev.greenlight.worker.WorkerConfig;
import java.nio.file.Path;
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
      description = "Prometheus base URL (env PROMETHEUS_URL).")
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

  /** {@code GREENLIGHT_BACKUP_DIR}, or null when it is not set: backups have no default place. */
  public Path backupDir() {
    return WorkerConfig.fromEnv(System.getenv()).backupDir();
  }

  static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
