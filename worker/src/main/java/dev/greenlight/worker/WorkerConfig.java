package dev.greenlight.worker;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.temporal.TemporalSettings;
import dev.greenlight.validator.ModeKeyPrefix;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a worker finds its services, read from the environment variables DESIGN.md names. A null
 * database, Redis or Prometheus URL means "not configured": the dev server and rehearsal start
 * embedded services then, and a worker refuses to start.
 *
 * @param temporal the Temporal connection: the {@code TEMPORAL_*} variables and the profile file
 *     they name, as the Temporal CLI reads them ({@link TemporalSettings})
 * @param redisPrefix the mode store's key prefix ({@value ModeKeyPrefix#ENV}, as the webhook and
 *     the API read it)
 * @param backupDir where backups go ({@value #BACKUP_DIR}); null when unset, and a worker then
 *     refuses to start: a backup is a full copy of the data, so it goes where the operator chose,
 *     never to a default under {@code /tmp}. {@code greenlight dev-server} prints a private one;
 *     rehearsals and tests set their own
 * @param backupFormat the format new backups are taken in ({@value BackupFormatPolicy#ENV}); a
 *     worker defaults to {@code pg_dump}, which carries the whole table
 * @param metricsPort the port of the worker's {@code /metrics} endpoint, 0 for none
 * @param stickyExecution whether workflow tasks go to the worker that cached the workflow ({@code
 *     GREENLIGHT_STICKY_EXECUTION}, default true). Turn it off against Temporal's Java test server
 *     ({@code greenlight dev-server}) when workers may die: that server never times out a dead
 *     worker's sticky queue, so the workflow would wait for it forever; a real cluster falls back
 *     to the normal queue after 5 seconds.
 */
public record WorkerConfig(
    TemporalSettings temporal,
    String dbUrl,
    String redisUrl,
    String prometheusUrl,
    Path backupDir,
    BackupFormatPolicy backupFormat,
    String redisPrefix,
    int metricsPort,
    boolean stickyExecution) {
  public static final String TEMPORAL_ADDRESS = TemporalSettings.ADDRESS;
  public static final String DB_URL = "GREENLIGHT_DB_URL";
  public static final String REDIS_URL = "REDIS_URL";
  public static final String PROMETHEUS_URL = "PROMETHEUS_URL";
  public static final String BACKUP_DIR = "GREENLIGHT_BACKUP_DIR";
  public static final String BACKUP_FORMAT = BackupFormatPolicy.ENV;
  public static final String REDIS_PREFIX = ModeKeyPrefix.ENV;
  public static final String METRICS_PORT = "GREENLIGHT_METRICS_PORT";
  public static final String STICKY_EXECUTION = "GREENLIGHT_STICKY_EXECUTION";

  public static final String DEFAULT_REDIS_PREFIX = ModeKeyPrefix.DEFAULT;
  public static final int DEFAULT_METRICS_PORT = 9464;
  public static final BackupFormatPolicy DEFAULT_BACKUP_FORMAT = BackupFormatPolicy.PG_DUMP;

  public WorkerConfig {
    Objects.requireNonNull(temporal, "temporal");
    Objects.requireNonNull(backupFormat, "backupFormat");
    checkMetricsPort(metricsPort);
  }

  private static int checkMetricsPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "metrics port must be between 0 and 65535 but was " + port);
    }
    return port;
  }

  /**
   * The configuration in {@code env}, defaults filled in.
   *
   * @throws IllegalArgumentException naming the variable, its value and the rule when a value is
   *     unusable ({@code InvalidTemporalSettingsException} for a Temporal setting)
   */
  public static WorkerConfig fromEnv(Map<String, String> env) {
    String port = blankToNull(env.get(METRICS_PORT));
    int metricsPort;
    try {
      metricsPort = port == null ? DEFAULT_METRICS_PORT : Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          METRICS_PORT + " must be a port number but was '" + port + "'", e);
    }
    String backupDir = blankToNull(env.get(BACKUP_DIR));
    String backupFormat = blankToNull(env.get(BACKUP_FORMAT));
    String sticky = orDefault(env.get(STICKY_EXECUTION), "true");
    if (!sticky.equals("true") && !sticky.equals("false")) {
      throw new IllegalArgumentException(
          STICKY_EXECUTION + " must be true or false but was '" + sticky + "'");
    }
    return new WorkerConfig(
        TemporalSettings.fromEnvironment(env),
        blankToNull(env.get(DB_URL)),
        blankToNull(env.get(REDIS_URL)),
        blankToNull(env.get(PROMETHEUS_URL)),
        backupDir == null ? null : Path.of(backupDir),
        backupFormat == null
            ? DEFAULT_BACKUP_FORMAT
            : BackupFormatPolicy.parse(backupFormat, BACKUP_FORMAT),
        ModeKeyPrefix.fromEnv(env),
        metricsPort,
        sticky.equals("true"));
  }

  /** The same configuration connecting to Temporal as {@code newTemporal} says. */
  public WorkerConfig withTemporal(TemporalSettings newTemporal) {
    return toBuilder().temporal(newTemporal).build();
  }

  /** A builder holding this configuration, to change a few settings of it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes some settings of a configuration and leaves the rest; each setter checks its value as
   * the record does. Not thread-safe.
   */
  public static final class Builder {
    /** Where the settings no setter changes (backups, key prefix, stickiness) come from. */
    private final WorkerConfig from;

    private TemporalSettings temporal;
    private String dbUrl;
    private String redisUrl;
    private String prometheusUrl;
    private int metricsPort;

    private Builder(WorkerConfig from) {
      this.from = from;
      temporal = from.temporal;
      dbUrl = from.dbUrl;
      redisUrl = from.redisUrl;
      prometheusUrl = from.prometheusUrl;
      metricsPort = from.metricsPort;
    }

    public Builder temporal(TemporalSettings value) {
      temporal = Objects.requireNonNull(value, "temporal");
      return this;
    }

    public Builder dbUrl(String value) {
      dbUrl = value;
      return this;
    }

    public Builder redisUrl(String value) {
      redisUrl = value;
      return this;
    }

    public Builder prometheusUrl(String value) {
      prometheusUrl = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException when {@code value} is not a port number or 0
     */
    public Builder metricsPort(int value) {
      metricsPort = checkMetricsPort(value);
      return this;
    }

    public WorkerConfig build() {
      return new WorkerConfig(
          temporal,
          dbUrl,
          redisUrl,
          prometheusUrl,
          from.backupDir,
          from.backupFormat,
          from.redisPrefix,
          metricsPort,
          from.stickyExecution);
    }
  }

  /**
   * @throws IllegalStateException naming every variable a real worker needs but lacks
   */
  public void requireServices() {
    StringBuilder missing = new StringBuilder();
    if (dbUrl == null) {
      missing.append(' ').append(DB_URL);
    }
    if (redisUrl == null) {
      missing.append(' ').append(REDIS_URL);
    }
    if (prometheusUrl == null) {
      missing.append(' ').append(PROMETHEUS_URL);
    }
    if (backupDir == null) {
      missing.append(' ').append(BACKUP_DIR);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "a worker needs real services but these are not set:"
              + missing
              + (backupDir == null
                  ? " ("
                      + BACKUP_DIR
                      + ": a directory on persistent storage for full database"
                      + " backups; the worker keeps them readable by its own account only)"
                  : "")
              + " (run `greenlight dev-server` for local ones; `greenlight rehearse` needs none)");
    }
  }

  private static String orDefault(String value, String fallback) {
    String v = blankToNull(value);
    return v == null ? fallback : v;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
