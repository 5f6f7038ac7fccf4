package dev.greenlight.starter.rehearse;

import dev.greenlight.dataplane.schema.Schema;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.dataplane.seed.SeedReport;
import dev.greenlight.starter.DataServers;
import dev.greenlight.validator.ModeKeyPrefix;
import dev.greenlight.validator.StageNormalizer;
import dev.greenlight.worker.ActivityClients;
import io.lettuce.core.api.StatefulRedisConnection;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The real services a rehearsal runs on: Temporal's test environment, PostgreSQL and Redis from
 * configuration or embedded, a fresh database seeded with the API's table, a Redis key prefix of
 * its own, an access log of internal consumers and a backup directory. Closing removes everything
 * it created and stops what it started, so a configured server is left as it was found.
 */
public final class RehearsalServices implements AutoCloseable {
  static final long SEED = 34;

  public final ActivityClients clients;
  final Path accessLog;
  final Path backupDir;
  final SeedReport seeded;
  private final CompletableFuture<TestWorkflowEnvironment> temporal;
  private final DataServers data;
  private final String database;
  private final Path workDir;
  private volatile boolean temporalStuck;

  private RehearsalServices(
      CompletableFuture<TestWorkflowEnvironment> temporal,
      DataServers data,
      String dbUrl,
      long rows,
      Path workDir)
      throws IOException {
    this.temporal = temporal;
    this.data = data;
    this.workDir = workDir;
    this.database = dbUrl.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    Schema.migrate(dbUrl);
    // Under the real prefix, so an operator scanning it sees the rehearsal, yet apart from the
    // rollout.
    String prefix =
        ModeKeyPrefix.DEFAULT + "rehearsal:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    clients = ActivityClients.connect(dbUrl, data.redis().url(), prefix);
    seeded = new PortfolioSeeder(clients.jdbi(), StageNormalizer.defaults()).seed(rows, SEED);
    accessLog = writeAccessLog(workDir.resolve("access.log"));
    backupDir = Files.createDirectories(workDir.resolve("backups"));
  }

  /**
   * @param dbUrl a PostgreSQL server whose user may create databases, null for an embedded one
   * @param redisUrl a Redis server, null for an embedded one
   */
  public static RehearsalServices start(String dbUrl, String redisUrl, long rows) {
    // Temporal's test server starts on its own thread while PostgreSQL starts on this one: each
    // takes about a second here and neither needs the other.
    // SLF4J must be up before two threads log at once, or it prints a "replayed calls" warning.
    LoggerFactory.getILoggerFactory();
    CompletableFuture<TestWorkflowEnvironment> temporal =
        CompletableFuture.supplyAsync(TestWorkflowEnvironment::newInstance);
    List<AutoCloseable> started = new ArrayList<>(List.of(() -> closeTemporal(temporal)));
    try {
      DataServers data = DataServers.start(dbUrl, redisUrl);
      started.add(data);
      String url = data.postgres().createDatabase("gl_rehearsal");
      return new RehearsalServices(
          temporal, data, url, rows, Files.createTempDirectory("greenlight-rehearsal"));
    } catch (IOException e) {
      closeAll(started);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** Temporal's test environment with time skipping, once it has started. */
  TestWorkflowEnvironment temporal() {
    return temporal.join();
  }

  /**
   * Temporal's test server got stuck ({@link SkippingClock.Stopped}): closing then lets it go on a
   * thread of its own, since closing it waits for what is in flight, which may never finish.
   */
  void temporalStuck() {
    temporalStuck = true;
  }

  boolean embeddedPostgres() {
    return data.postgres().isEmbedded();
  }

  boolean embeddedRedis() {
    return data.redis().isEmbedded();
  }

  /** Internal consumers only: a rehearsal of external ones needs a scenario approval. */
  private static Path writeAccessLog(Path file) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      log.append("10.0.")
          .append(i % 7)
          .append('.')
          .append(10 + i % 5)
          .append(" - - [01/Mar/2026:10:00:00 +0000] \"POST /companies HTTP/1.1\" 201 312 \"-\"")
          .append(" \"internal-batch/2.1\"\n");
    }
    return Files.writeString(file, log);
  }

  @Override
  public void close() {
    // The workflow worker goes first, so no activity is left talking to a stopped database.
    if (temporalStuck) {
      Thread closer = new Thread(() -> closeTemporal(temporal), "rehearsal-close-stuck-temporal");
      closer.setDaemon(true);
      closer.start();
    } else {
      closeTemporal(temporal);
    }
    try (StatefulRedisConnection<String, String> c = clients.redis().connect()) {
      List<String> keys = c.sync().keys(clients.redisPrefix() + "*");
      if (!keys.isEmpty()) {
        c.sync().del(keys.toArray(String[]::new));
      }
    } catch (RuntimeException e) {
      // Redis went away: an embedded one takes its keys with it, a shared one keeps a few.
    }
    clients.close();
    data.postgres().dropDatabase(database);
    closeAll(List.of(data));
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp directory left behind is harmless.
    }
  }

  private static void closeTemporal(CompletableFuture<TestWorkflowEnvironment> temporal) {
    temporal.thenAccept(TestWorkflowEnvironment::close).exceptionally(failed -> null).join();
  }

  private static void closeAll(List<AutoCloseable> closeables) {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception ignored) {
        // Closing on the way out: the first failure is the one worth reporting.
      }
    }
  }
}
