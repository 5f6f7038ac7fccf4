package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.dataplane.schema.Schema;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.metrics.MetricSource;
import dev.greenlight.metrics.ScriptedMetricSource;
import dev.greenlight.notify.NotificationPayloads;
import dev.greenlight.notify.SinkSettings;
import dev.greenlight.notify.WebhookPoster;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.PreflightActivities;
import dev.greenlight.rollout.gates.Sample;
import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.testsupport.RepoFiles;
import dev.greenlight.testsupport.TestDatabases;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.StageNormalizer;
import dev.greenlight.validator.ValidationMode;
import dev.greenlight.worker.Activities;
import dev.greenlight.worker.ActivityClients;
import dev.greenlight.worker.BackupSetup;
import dev.greenlight.worker.SearchAttributes;
import io.lettuce.core.RedisClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * A rollout under test: Temporal's test environment with time skipping, the real workflow, the real
 * mode activities against real Redis and PostgreSQL, real gate activities over a scripted metric
 * source, and steerable pre-flight and data activities — or, {@link #withRealDataPlane}, the
 * pre-flight and data activities as the worker wires them ({@code Activities.create}).
 */
final class RolloutTestKit implements AutoCloseable {
  final RolloutPlan plan;
  final TestWorkflowEnvironment env;
  final SteerablePreflight preflight = new SteerablePreflight();
  final SteerableData data = new SteerableData();
  final SteerableModes modes;
  final ModeStore store;
  final Jdbi jdbi;
  final String workflowId = "rollout-test-" + UUID.randomUUID();

  /** The worker's environment as the notify activity sees it: where sinks' secrets come from. */
  final Map<String, String> environment = new ConcurrentHashMap<>();

  private final RedisClient redis;
  private final String database;
  private volatile MetricSource metrics;
  private final java.util.concurrent.atomic.AtomicInteger rangeReads =
      new java.util.concurrent.atomic.AtomicInteger();
  private final String keyPrefix;
  private final PreflightActivities preflightActivities;
  private final ActivityClients clients; // only with the real data plane
  private final DataActivities dataActivities;
  private ScriptedMetricSource.Builder script;
  private long startMillis;
  private WorkerFactory factory;
  private RolloutWorkflow workflow;

  RolloutTestKit() {
    this(loadPlan(), false);
  }

  /**
   * A kit whose pre-flight and data activities are the real ones: an access log on disk, the Redis
   * probe against real Redis, pg_dump backups, restore tests and the batched migration on a seeded
   * {@code portfolio_companies}.
   */
  static RolloutTestKit withRealDataPlane(Path workDir, long rows) throws java.io.IOException {
    Path accessLog = workDir.resolve("access.log");
    Files.writeString(
        accessLog,
        "10.1.2.3 - - [25/Nov/2026:10:00:00 +0000] \"POST /companies HTTP/1.1\" 201 52 \"-\" \"web/1.0\"\n"
            + "127.0.0.1 - - [25/Nov/2026:10:00:01 +0000] \"GET /companies?stage=seed HTTP/1.1\" 200 9 \"-\" \"greenlight/0.1\"\n");
    RolloutPlan base = loadPlan();
    var pre = base.preflight();
    RolloutPlan plan =
        base.withPreflight(
                new dev.greenlight.rollout.plan.PreflightSpec(
                    accessLog.toString(),
                    pre.internalCidrs(),
                    pre.internalUserAgents(),
                    pre.redisProbeSamples(),
                    pre.redisMaxP99(),
                    pre.restoreTimeLimit(),
                    pre.minSeededRows()))
            .withNotifications(null);
    return new RolloutTestKit(plan, false, workDir.resolve("backups"), rows);
  }

  RolloutTestKit(RolloutPlan plan, boolean cacheless) {
    this(plan, cacheless, null, 0);
  }

  /**
   * @param cacheless run the worker without a workflow cache, so every workflow task is handled by
   *     a worker that rebuilds the workflow from history alone — as a newly started worker would
   */
  private RolloutTestKit(RolloutPlan plan, boolean cacheless, Path backupDir, long rows) {
    this.plan = plan;
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributes.REQUIRED.forEach(env::registerSearchAttribute);
    redis = RedisClient.create(TestServices.redis().url());
    keyPrefix = "gltest:" + UUID.randomUUID() + ":";
    store = new ModeStore(redis, keyPrefix);
    String url = TestServices.postgres().createDatabase("gl_rollout");
    database = TestDatabases.nameOf(url);
    Schema.migrate(url);
    jdbi = Jdbi.create(url);
    modes = new SteerableModes(new ModeActivitiesImpl(store, jdbi));
    if (backupDir != null) {
      new PortfolioSeeder(jdbi, StageNormalizer.defaults()).seed(rows, 42);
      // The worker's own wiring (Activities.create), on clients of the test's database and Redis.
      // auto: pg_dump where it is installed, the JDBC copy format on a JDK-only machine.
      clients = ActivityClients.connect(url, TestServices.redis().url(), keyPrefix);
      Activities wired =
          Activities.create(
              clients,
              new Delegate(),
              new BackupSetup(backupDir, BackupFormatPolicy.AUTO, PgTools.fromEnvironment()));
      preflightActivities = wired.preflight();
      dataActivities = wired.data();
    } else {
      clients = null;
      preflightActivities = preflight;
      dataActivities = data;
    }
    env.start();
    factory = startWorker(cacheless);
  }

  /**
   * @param cacheless no workflow cache, so no state survives between workflow tasks
   */
  private WorkerFactory startWorker(boolean cacheless) {
    WorkerFactory f =
        WorkerFactory.newInstance(
            env.getWorkflowClient(),
            WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(cacheless ? 0 : 600).build());
    Worker worker = f.newWorker(RolloutConstants.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(RolloutWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        modes,
        new GateActivitiesImpl(new Delegate()),
        preflightActivities,
        dataActivities,
        new NotifyActivitiesImpl(
            new SinkSettings(environment::get),
            new NotificationPayloads(null),
            new WebhookPoster(WebhookPoster.client(), Clock.systemUTC())));
    f.start();
    return f;
  }

  /** From now on (simulated), {@code query} reads {@code value}. */
  void bend(String query, double value) {
    script.value(query, Duration.ofMillis(env.currentTimeMillis() - startMillis), value);
    metrics = script.build();
  }

  /** From now on (simulated), {@code query} has no data. */
  void missing(String query) {
    script.missing(query, Duration.ofMillis(env.currentTimeMillis() - startMillis));
    metrics = script.build();
  }

  /** From {@code at} (simulated, may be in the future) on, {@code query} reads {@code value}. */
  void bendAt(String query, long atMillis, double value) {
    script.value(query, Duration.ofMillis(atMillis - startMillis), value);
    metrics = script.build();
  }

  /** From {@code at} (simulated, may be in the future) on, reads of {@code query} fail. */
  void failAt(String query, long atMillis) {
    script.error(query, Duration.ofMillis(atMillis - startMillis));
    metrics = script.build();
  }

  /** From now on (simulated), reads of {@code query} fail. */
  void fail(String query) {
    script.error(query, Duration.ofMillis(env.currentTimeMillis() - startMillis));
    metrics = script.build();
  }

  static RolloutPlan loadPlan() {
    return new PlanParser().parse(planFile());
  }

  /** The shipped v3.4 plan's file, found above the working directory. */
  static Path planFile() {
    return RepoFiles.v34Plan();
  }

  /** Starts the rollout with metrics scripted from the healthy baseline, bent by {@code script}. */
  RolloutWorkflow start(Consumer<ScriptedMetricSource.Builder> bend) {
    startMillis = env.currentTimeMillis();
    script =
        Scenarios.healthy(plan, Instant.ofEpochMilli(startMillis)).clock(env::currentTimeMillis);
    bend.accept(script);
    metrics = script.build();
    workflow =
        RolloutWorkflowOptions.start(
            env.getWorkflowClient(), workflowId, new RolloutInput(plan, "test", null));
    return workflow;
  }

  RolloutWorkflow workflow() {
    return workflow;
  }

  /**
   * Starts a healthy rollout, approves the migration, and runs to the canary at {@code percent}.
   */
  RolloutStatus reachCanary(int percent) {
    start(script -> {});
    awaitPending(RolloutConstants.APPROVE_MIGRATION);
    workflow.approve(new ApproveInput(RolloutConstants.APPROVE_MIGRATION, "alice", "dry run ok"));
    return awaitStatus(
        s ->
            s.phase() == Phase.CANARY
                && s.percent() == percent
                && s.mode() == ValidationMode.ENFORCE,
        Duration.ofDays(2),
        Duration.ofMinutes(5));
  }

  /** When ENFORCE was last flipped to {@code percent}, per the transitions. */
  static long flippedToEnforceAt(RolloutStatus status, int percent) {
    return status.transitions().stream()
        .filter(t -> t.reason().startsWith("mode enforce " + percent + "%"))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("never flipped to enforce " + percent + "%"))
        .atMillis();
  }

  RolloutStatus status() {
    return workflow.status();
  }

  /**
   * Skips simulated time in {@code step}s until {@code condition} holds, for at most {@code max}.
   */
  RolloutStatus awaitStatus(Predicate<RolloutStatus> condition, Duration max, Duration step) {
    long deadline = env.currentTimeMillis() + max.toMillis();
    RolloutStatus status = status();
    while (!condition.test(status)) {
      if (env.currentTimeMillis() >= deadline) {
        throw new AssertionError(
            "condition not met within "
                + max
                + " simulated; last status: "
                + status.phase()
                + " "
                + status.transitions());
      }
      env.sleep(step);
      status = status();
    }
    return status;
  }

  /**
   * Waits up to ten simulated days, an hour at a time, for the rollout to pause on a failure, and
   * checks that it paused in {@code phase} for a reason that mentions {@code reason}.
   */
  RolloutStatus awaitFailurePause(Phase phase, String reason) {
    RolloutStatus paused =
        awaitStatus(RolloutStatus::paused, Duration.ofDays(10), Duration.ofHours(1));
    assertEquals(phase, paused.phase());
    assertEquals("FAILURE", paused.pauseCause());
    assertTrue(paused.pauseReason().contains(reason), paused.pauseReason());
    return paused;
  }

  /**
   * Waits for WARN, then sleeps to 45 minutes before its three-day minimum ends: WARN reads its
   * gates only in that last hour, so what a test scripts next is what the coming reads see.
   */
  void sleepIntoWarnReads() {
    long warnFrom =
        awaitStatus(s -> s.phase() == Phase.WARN, Duration.ofDays(3), Duration.ofHours(1))
            .phaseStartedAtMillis();
    env.sleep(
        Duration.ofMillis(
            warnFrom + Duration.ofDays(3).minusMinutes(45).toMillis() - env.currentTimeMillis()));
  }

  long elapsedDays() {
    return Duration.ofMillis(env.currentTimeMillis() - startMillis).toDays();
  }

  RolloutStatus awaitPhase(Phase phase) {
    return awaitStatus(s -> s.phase() == phase, Duration.ofDays(45), Duration.ofMinutes(30));
  }

  RolloutStatus awaitPending(String approval) {
    return awaitStatus(
        s -> s.pendingApprovals().contains(approval), Duration.ofDays(40), Duration.ofHours(1));
  }

  /** How many range queries the gate activity has asked the metric source so far. */
  int gateReads() {
    return rangeReads.get();
  }

  RolloutResult result() {
    return WorkflowStub.fromTyped(workflow).getResult(RolloutResult.class);
  }

  Optional<ModeRecord> mode() {
    return store.read(plan.surface());
  }

  /** Every update event in the history: accepted updates leave these, refused ones must not. */
  List<String> updateEvents() {
    return env.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
        .map(e -> e.getEventType().name())
        .filter(type -> type.contains("UPDATE"))
        .toList();
  }

  int historyLength() {
    return env.getWorkflowClient().fetchHistory(workflowId).getHistory().getEventsCount();
  }

  /** The phases passed through, in order, each run of the same phase once. */
  static List<Phase> phases(List<Transition> transitions) {
    List<Phase> phases = new java.util.ArrayList<>();
    for (Transition t : transitions) {
      if (phases.isEmpty() || phases.get(phases.size() - 1) != t.phase()) {
        phases.add(t.phase());
      }
    }
    return phases;
  }

  /** Mode changes in order, as "mode percent". */
  static List<String> flips(List<Transition> transitions) {
    return transitions.stream()
        .filter(t -> t.reason().startsWith("mode "))
        .map(t -> t.mode().wireName() + " " + t.percent())
        .toList();
  }

  /**
   * Writes the latest run's history as JSON into the directory named by the system property {@code
   * greenlight.recordHistories}, for the replay tests in {@code workflows/}. Off by default.
   */
  void recordHistory(String name) {
    String dir = System.getProperty("greenlight.recordHistories");
    if (dir == null || workflow == null) {
      return;
    }
    try {
      Files.createDirectories(Path.of(dir));
      Files.writeString(
          Path.of(dir, name + ".json"),
          env.getWorkflowClient().fetchHistory(workflowId).toJson(true));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    factory.shutdownNow();
    env.close();
    if (clients != null) {
      clients.close();
    }
    store.close();
    redis.shutdown();
    TestServices.postgres().dropDatabase(database);
  }

  /** Lets the worker be built before the script, whose clock starts with the workflow. */
  private final class Delegate implements MetricSource {
    @Override
    public List<Sample> range(String query, Instant from, Instant to, Duration step) {
      rangeReads.incrementAndGet();
      return metrics.range(query, from, to, step);
    }

    @Override
    public double instant(String query, Instant at) {
      return metrics.instant(query, at);
    }
  }
}
