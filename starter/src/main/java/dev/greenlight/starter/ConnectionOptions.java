package dev.greenlight.starter;

import dev.greenlight.metrics.InvalidPrometheusSettingException;
import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.temporal.TemporalSettings;
import dev.greenlight.worker.WorkerConfig;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The services a command talks to, each defaulting from the environment variable DESIGN.md names. A
 * picocli mixin: every command that needs a service mixes this in.
 *
 * <p>Temporal is reached as the Temporal CLI reaches it ({@link TemporalSettings}: the profile
 * {@code TEMPORAL_PROFILE} names in {@code TEMPORAL_CONFIG_FILE}, then {@code TEMPORAL_ADDRESS},
 * {@code TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, {@code TEMPORAL_TLS*}, {@code
 * TEMPORAL_GRPC_META_*}); {@code --temporal} and {@code --namespace} override those.
 */
public final class ConnectionOptions {
  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      description =
          "Temporal frontend, over TEMPORAL_ADDRESS and the profile (TEMPORAL_CONFIG_FILE,"
              + " TEMPORAL_PROFILE); default localhost:7233. TLS, mTLS and API key: TEMPORAL_TLS*,"
              + " TEMPORAL_API_KEY.")
  public String temporalAddress;

  @Option(
      names = "--namespace",
      description = "Temporal namespace, over TEMPORAL_NAMESPACE and the profile; default default.")
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

  /**
   * The Temporal connection: the profile and the {@code TEMPORAL_*} variables, these options over
   * them.
   *
   * @throws dev.greenlight.temporal.InvalidTemporalSettingsException naming a bad setting
   */
  public TemporalSettings temporal() {
    return TemporalSettings.fromEnvironment(System.getenv())
        .withAddress(temporalAddress)
        .withNamespace(namespace);
  }

  /** The worker configuration these options describe, the rest from the environment. */
  public WorkerConfig toWorkerConfig() {
    WorkerConfig env = WorkerConfig.fromEnv(System.getenv());
    return env.toBuilder()
        .temporal(env.temporal().withAddress(temporalAddress).withNamespace(namespace))
        .dbUrl(blank(dbUrl))
        .redisUrl(blank(redisUrl))
        .prometheusUrl(blank(prometheusUrl))
        .build();
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

  /** {@code GREENLIGHT_BACKUP_DIR}, or null when it is not set: backups have no default place. */
  public Path backupDir() {
    return WorkerConfig.fromEnv(System.getenv()).backupDir();
  }

  static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
