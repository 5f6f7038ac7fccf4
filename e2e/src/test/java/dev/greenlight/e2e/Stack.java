package dev.greenlight.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.localservices.TemporalCliServer;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.referenceapi.ReferenceApiMain;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.starter.Greenlight;
import dev.greenlight.testsupport.AlertingProcesses;
import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.Ports;
import dev.greenlight.testsupport.RepoFiles;
import dev.greenlight.testsupport.ServiceProcess;
import dev.greenlight.testsupport.TestDatabases;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.StageNormalizer;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The whole system on loopback, each server an OS process of its own: Temporal's dev server, the
 * worker, the reference API and the ops webhook as JVMs started from this JVM's classpath, and a
 * real Prometheus (scraping the API every second, evaluating a compressed copy of the shipped
 * rules) alerting to a real Alertmanager (the shipped config, routed to the webhook).
 *
 * <p>The stack owns its data: a database of its own on the test PostgreSQL, seeded with {@link
 * #SEEDED_ROWS} companies before the API starts, and an embedded Redis on a free port that a test
 * may stop and start ({@link OwnedRedis}). {@link #close()} stops every process, then Redis, then
 * drops the database; processes are also killed by a shutdown hook if the test JVM dies first.
 */
final class Stack implements AutoCloseable {
  static final int SEEDED_ROWS = 3_000;
  static final String PLAN_NAME = "e2e-compressed";
  static final String WORKFLOW_ID = RolloutConstants.workflowId(PLAN_NAME);
  static final String SURFACE = "stage-validation";
  static final String KEY_PREFIX = "e2e:";
  static final String WORKER_READY = "worker polling";
  private static final Duration STARTUP = Duration.ofSeconds(90);

  final Path dir;
  final OwnedRedis redis;
  final String dbUrl;
  final Jdbi jdbi;
  final int temporalPort = Ports.free();
  final int temporalUiPort = Ports.free();
  final int apiPort = Ports.free();
  final int webhookPort = Ports.free();
  final int prometheusPort = Ports.free();
  final int alertmanagerPort = Ports.free();
  private final String database;
  private final List<ServiceProcess> processes = new ArrayList<>();
  private final RedisClient redisClient;
  private final ModeStore modes;

  /** The seeded rows before the API or the rollout touched anything. */
  CompanyData seeded;

  ServiceProcess temporal;
  ServiceProcess worker;
  ServiceProcess api;
  ServiceProcess webhook;
  ServiceProcess prometheus;
  ServiceProcess alertmanager;

  /**
   * Whether the dev server is the Temporal CLI's real one ({@code temporal} on the PATH, required
   * under {@code GREENLIGHT_REQUIRE_TOOLS}) or, on a JDK-only machine, Temporal's Java test server.
   */
  final boolean realTemporal = ExternalTools.present(TemporalCliServer.PROGRAM);

  private Stack(Path dir, String dbUrl) {
    this.dir = dir;
    this.dbUrl = dbUrl;
    this.database = TestDatabases.nameOf(dbUrl);
    this.redis = new OwnedRedis(dir);
    this.jdbi = Jdbi.create(dbUrl);
    this.redisClient = RedisClient.create(redis.url());
    this.modes = new ModeStore(redisClient, KEY_PREFIX, Duration.ofSeconds(1));
  }

  /** Starts everything and returns once every server answers; on failure stops what started. */
  static Stack start(Path dir) throws Exception {
    // A JDK-only machine has neither: the test skips there, and fails under CI (ExternalTools).
    assumeTrue(
        ExternalTools.present(AlertingProcesses.TOOLS),
        ExternalTools.skipReason(AlertingProcesses.TOOLS));
    deleteRecursively(dir); // a previous run's logs and Prometheus data would mislead this one
    Files.createDirectories(dir);
    Stack stack = new Stack(dir, TestServices.postgres().createDatabase("gl_e2e"));
    try {
      stack.boot();
      return stack;
    } catch (Throwable e) {
      String logs = stack.logs();
      stack.close();
      throw new AssertionError("the stack did not start: " + e.getMessage() + "\n" + logs, e);
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private void boot() throws Exception {
    PortfolioSeeder seeder = new PortfolioSeeder(jdbi, StageNormalizer.defaults());
    seeder.createTableIfAbsent();
    seeder.seed(SEEDED_ROWS, 7L);
    seeded = CompanyData.snapshot(jdbi);
    StackFiles.rules(dir);
    StackFiles.prometheus(dir, apiPort, alertmanagerPort);
    StackFiles.alertmanager(dir, webhookPort);
    StackFiles.accessLog(dir);
    Files.createDirectories(dir.resolve("backups"));

    alertmanager =
        launch("alertmanager", AlertingProcesses.alertmanager(dir, alertmanagerPort), Map.of());
    prometheus = launch("prometheus", AlertingProcesses.prometheus(dir, prometheusPort), Map.of());
    temporal =
        launch(
            "dev-server",
            JavaCommand.of(
                Greenlight.class.getName(),
                "dev-server",
                "--port",
                String.valueOf(temporalPort),
                "--ui-port",
                String.valueOf(temporalUiPort),
                "--temporal-server",
                realTemporal ? "cli" : "java"),
            Map.of("GREENLIGHT_DB_URL", dbUrl, "REDIS_URL", redis.url()));
    api =
        launch(
            "reference-api",
            JavaCommand.of(ReferenceApiMain.class.getName()),
            Map.of(
                "GREENLIGHT_DB_URL",
                dbUrl,
                "REDIS_URL",
                redis.url(),
                "PORT",
                String.valueOf(apiPort),
                "GREENLIGHT_REDIS_PREFIX",
                KEY_PREFIX));
    webhook =
        launch(
            "webhook",
            JavaCommand.of(Greenlight.class.getName(), "webhook"),
            Map.of(
                "REDIS_URL",
                redis.url(),
                "TEMPORAL_ADDRESS",
                "127.0.0.1:" + temporalPort,
                "GREENLIGHT_WEBHOOK_PORT",
                String.valueOf(webhookPort),
                "GREENLIGHT_WEBHOOK_TOKENS",
                StackFiles.WEBHOOK_TOKEN,
                "GREENLIGHT_REDIS_PREFIX",
                KEY_PREFIX,
                "GREENLIGHT_ROLLOUT_ID",
                WORKFLOW_ID));
    awaitListening(temporal, temporalPort);
    worker =
        launch(
            "worker",
            JavaCommand.of(Greenlight.class.getName(), "worker", "--metrics-port", "0"),
            workerEnv());
    awaitListening(api, apiPort);
    awaitListening(webhook, webhookPort);
    awaitListening(prometheus, prometheusPort);
    awaitListening(alertmanager, alertmanagerPort);
    awaitWorkerReady(1);
  }

  private Map<String, String> workerEnv() {
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of(
                "TEMPORAL_ADDRESS",
                "127.0.0.1:" + temporalPort,
                "GREENLIGHT_DB_URL",
                dbUrl,
                "REDIS_URL",
                redis.url(),
                "PROMETHEUS_URL",
                prometheusUrl(),
                "GREENLIGHT_BACKUP_DIR",
                dir.resolve("backups").toString(),
                "GREENLIGHT_REDIS_PREFIX",
                KEY_PREFIX));
    if (!realTemporal) {
      // The Java test server never times out a dead worker's sticky queue (see WorkerConfig):
      // without this, a killed worker's workflow would wait for it forever. The real server falls
      // back to the normal queue after 5 s, so there sticky execution stays on, as in production.
      env.put("GREENLIGHT_STICKY_EXECUTION", "false");
    }
    return Map.copyOf(env);
  }

  private ServiceProcess launch(String name, List<String> command, Map<String, String> env) {
    ServiceProcess process = ServiceProcess.start(dir, name, command, env);
    processes.add(process);
    return process;
  }

  private void awaitListening(ServiceProcess process, int port) {
    Await.until(
        STARTUP,
        process.name() + " to listen on " + port,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(process.name() + " exited:\n" + process.log(4000));
          }
          return Ports.listening(port);
        },
        this::logs);
  }

  /**
   * Waits until the worker has said it polls for the {@code starts}-th time since the stack began.
   */
  void awaitWorkerReady(int starts) {
    workerStarts = starts;
    Await.until(
        STARTUP,
        "worker start " + starts + " to poll",
        () -> {
          if (!worker.isAlive()) {
            throw new AssertionError("worker exited:\n" + worker.log(6000));
          }
          return worker.logCount(WORKER_READY) >= starts;
        },
        this::logs);
  }

  private int workerStarts;

  /** {@code kill -9} the worker, start a new one, and wait until it polls. */
  void killAndRestartWorker() {
    worker.kill();
    worker.start();
    awaitWorkerReady(workerStarts + 1);
  }

  int workerStarts() {
    return workerStarts;
  }

  /** Starts Prometheus again on its port and data directory, and waits until it is ready. */
  void restartPrometheus() {
    prometheus.start();
    awaitListening(prometheus, prometheusPort);
    Await.until(
        STARTUP,
        "Prometheus to be ready",
        () -> {
          try {
            var response =
                java.net.http.HttpClient.newHttpClient()
                    .send(
                        java.net.http.HttpRequest.newBuilder(
                                URI.create(prometheusUrl() + "/-/ready"))
                            .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
          } catch (Exception e) {
            return false;
          }
        },
        this::logs);
  }

  /** Starts the compressed plan ({@value #PLAN_NAME}) through {@code cli}; steers its rollout. */
  Steering startRollout(Cli cli) {
    cli.start(RepoFiles.locate("plans/" + PLAN_NAME + ".yaml"));
    return new Steering(cli, WORKFLOW_ID);
  }

  String prometheusUrl() {
    return "http://127.0.0.1:" + prometheusPort;
  }

  URI apiUri() {
    return URI.create("http://127.0.0.1:" + apiPort);
  }

  String temporalAddress() {
    return "127.0.0.1:" + temporalPort;
  }

  /** The real dev server's Web UI. */
  URI temporalUi() {
    if (!realTemporal) {
      throw new IllegalStateException("the Java test server has no Web UI");
    }
    return URI.create("http://127.0.0.1:" + temporalUiPort);
  }

  /**
   * The mode record the worker, the webhook and the API share; empty when Redis does not answer.
   */
  Optional<ModeRecord> mode() {
    try {
      return modes.read(SURFACE);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The tail of every process's log, for failure messages. */
  String logs() {
    StringBuilder all = new StringBuilder();
    for (ServiceProcess p : processes) {
      all.append("\n==== ")
          .append(p.name())
          .append(" (")
          .append(p.isAlive() ? "alive" : "down")
          .append(") ====\n")
          .append(p.log(3000));
    }
    return all.toString();
  }

  @Override
  public void close() {
    // The worker first, so nothing writes while the others go; Temporal last but one.
    List<ServiceProcess> order = new ArrayList<>(processes);
    order.remove(temporal);
    order.add(temporal);
    for (ServiceProcess p : order) {
      if (p != null) {
        p.stop();
      }
    }
    modes.close();
    redisClient.shutdown();
    redis.close();
    try {
      TestServices.postgres().dropDatabase(database);
    } catch (RuntimeException e) {
      System.err.println("could not drop " + database + ": " + e.getMessage());
    }
  }
}
