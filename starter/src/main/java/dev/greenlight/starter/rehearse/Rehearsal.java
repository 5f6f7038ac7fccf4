package dev.greenlight.starter.rehearse;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import dev.greenlight.dataplane.backup.PgTools;
import dev.greenlight.rollout.NotificationCounts;
import dev.greenlight.rollout.NotifyActivitiesImpl;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutInput;
import dev.greenlight.rollout.RolloutResult;
import dev.greenlight.rollout.RolloutStatus;
import dev.greenlight.rollout.RolloutWorkflow;
import dev.greenlight.rollout.RolloutWorkflowOptions;
import dev.greenlight.rollout.Transition;
import dev.greenlight.rollout.plan.PreflightSpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.fuzz.InvariantOracle;
import dev.greenlight.starter.fuzz.ModeWriteRecorder;
import dev.greenlight.starter.fuzz.RecordingDataActivities;
import dev.greenlight.starter.fuzz.TraceLog;
import dev.greenlight.starter.fuzz.Violation;
import dev.greenlight.worker.Activities;
import dev.greenlight.worker.BackupSetup;
import dev.greenlight.worker.SearchAttributes;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A whole rollout rehearsed in-process: the real {@code RolloutWorkflow} and the real activities in
 * Temporal's test environment with time skipping, on real PostgreSQL and Redis, with metrics,
 * alerts, commands and faults from a {@link Scenario}. Weeks of simulated time take seconds.
 *
 * <p>The mode and data activities are the real ones behind {@link FaultyModeActivities} and {@link
 * FaultyDataActivities}, which fail while a scenario's fault holds ({@link FaultSwitches}); one-off
 * faults are written to the rehearsal's Redis behind the workflow's back ({@link FaultInjector}).
 *
 * <p>The clock only moves while the driver sleeps; it wakes for every scheduled alert or command
 * and, while a triggered event still waits for its transition, every {@link #POLL} to look. When
 * Temporal's test server stops skipping time ({@link SkippingClock}), the rehearsal runs again from
 * the start in fresh services, at most {@link #ATTEMPTS} times in all.
 */
public final class Rehearsal {
  static final Duration POLL = Duration.ofHours(1);
  static final Duration IDLE_POLL = Duration.ofDays(1);
  private static final int MAX_WAKEUPS = 5_000;

  /**
   * How long moving the clock to the next wake-up may take in wall time, with no activity running,
   * before the test server counts as stuck ({@link SkippingClock}): the workflow tasks between two
   * wake-ups take well under a second; the backups, restore tests and migration batches they start
   * are activities and do not count.
   */
  static final Duration STUCK_AFTER = Duration.ofSeconds(30);

  /** How many times a rehearsal runs, from the start, in a fresh environment when one got stuck. */
  static final int ATTEMPTS = 3;

  /**
   * Where the services come from, how much data to seed, and where pg_dump/pg_restore are. Backups
   * are taken with {@code auto}: pg_dump when usable, else the JDBC copy format, so a machine with
   * only a JDK rehearses the whole plan.
   */
  public record Options(long rows, String dbUrl, String redisUrl, PgTools pgTools) {}

  /**
   * The summary plus what the report draws, and what was done to the rollout.
   *
   * @param sent every alert and command sent, in order, with its time and the workflow's answer
   * @param faults every fault injected, in order, with the window it held (cut at {@code
   *     endMillis}; a one-off, and each scripted migration crash, has {@code from == until})
   * @param notifications how the rehearsal's notifications fared (none sent without {@code
   *     --notify-url})
   */
  public record Outcome(
      RehearsalResult result,
      RolloutPlan plan,
      long startMillis,
      long endMillis,
      List<Transition> transitions,
      MetricScript metrics,
      List<RehearsalData.Progress> migration,
      List<Sent> sent,
      List<TraceLog.FaultWindow> faults,
      List<Violation> violations,
      NotificationCounts notifications) {
    public Outcome {
      sent = List.copyOf(sent);
      faults = List.copyOf(faults);
      violations = List.copyOf(violations);
    }
  }

  /**
   * An alert or a command as sent to the rollout.
   *
   * @param atMillis simulated time it was sent
   * @param action the scenario's {@link ScenarioEvent.Alert} or {@link ScenarioEvent.Command}
   * @param accepted false when the workflow refused the command
   * @param answer the workflow's answer ({@code signalled} for an alert), or {@code refused: } and
   *     why
   */
  public record Sent(long atMillis, ScenarioEvent.Action action, boolean accepted, String answer) {
    /** {@code alert}, or the command's name ({@code approve}, {@code pause}, …). */
    public String kind() {
      return action instanceof ScenarioEvent.Command c ? c.command() : "alert";
    }

    /** As the fuzz oracle's trace log records it. */
    public TraceLog.Sent toTrace() {
      return new TraceLog.Sent(atMillis, kind(), accepted, answer);
    }
  }

  private Rehearsal() {}

  public static Outcome run(
      RolloutPlan plan, Scenario scenario, Options options, PrintWriter live) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runOnce(plan, scenario, options, live);
      } catch (SkippingClock.Stopped e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        live.printf("%s: rehearsing again from the start in fresh services%n", e.getMessage());
        live.flush();
      }
    }
  }

  private static Outcome runOnce(
      RolloutPlan plan, Scenario scenario, Options options, PrintWriter live) {
    long wallStart = System.nanoTime();
    try (RehearsalServices services =
        RehearsalServices.start(options.dbUrl(), options.redisUrl(), options.rows())) {
      live.printf(
          "rehearsing %s, scenario %s: %d rows seeded (%d unmappable) on %s PostgreSQL, %s Redis"
              + " in %.1f s%n",
          plan.name(),
          scenario.name(),
          services.seeded.rows(),
          services.seeded.rowsUnmappable(),
          services.embeddedPostgres() ? "embedded" : "configured",
          services.embeddedRedis() ? "embedded" : "configured",
          (System.nanoTime() - wallStart) / 1e9);
      live.flush();
      BackupSetup backups =
          new BackupSetup(services.backupDir, BackupFormatPolicy.AUTO, options.pgTools());
      try {
        return drive(withAccessLog(plan, services), scenario, services, backups, wallStart, live);
      } catch (SkippingClock.Stopped e) {
        services.temporalStuck();
        throw e;
      }
    }
  }

  private static Outcome drive(
      RolloutPlan plan,
      Scenario scenario,
      RehearsalServices services,
      BackupSetup backups,
      long wallStart,
      PrintWriter live) {
    TestWorkflowEnvironment env = services.temporal();
    SearchAttributes.REQUIRED.forEach(env::registerSearchAttribute);
    long start = env.currentTimeMillis();
    MetricScript metrics =
        new MetricScript(plan, Instant.ofEpochMilli(start), env::currentTimeMillis);
    RehearsalData data = new RehearsalData(scenario.migrationCrashes());
    FaultSwitches switches = new FaultSwitches();
    Worker worker = env.newWorker(RolloutConstants.TASK_QUEUE);
    Activities real = Activities.create(services.clients, metrics, backups, data);
    InjectedFaults injected = new InjectedFaults(switches);
    // What really landed, in simulated time, for the safety oracle run after the rehearsal.
    ModeWriteRecorder modeWrites = new ModeWriteRecorder(env::currentTimeMillis);
    RecordingDataActivities dataCalls =
        new RecordingDataActivities(
            new FaultyDataActivities(real.data(), injected), env::currentTimeMillis);
    new Activities(
            new FaultyModeActivities(modeWrites.wrap(real.mode()), injected),
            real.gates(),
            real.preflight(),
            dataCalls,
            // Only a --notify-url preview reaches here (NotifyPreview); its texts say so.
            NotifyActivitiesImpl.create("rehearsal"))
        .registerOn(worker);
    env.start();
    ScenarioPlayer player = new ScenarioPlayer(scenario, start, metrics);
    Printer printer = new Printer(live, start);
    ScenarioActor actor =
        new ScenarioActor(
            new FaultInjector(switches, modeWrites, services.clients, plan.surface()),
            printer,
            start);
    // Faults due at the start hold before the rollout's first step.
    for (ScenarioPlayer.Due due : player.takeDueFaults(start)) {
      actor.act(due.event().action(), null, start);
    }
    String id = RolloutConstants.workflowId(plan.name()) + "-rehearsal";
    RolloutWorkflow workflow =
        RolloutWorkflowOptions.start(
            env.getWorkflowClient(), id, new RolloutInput(plan, "rehearsal", null));
    SkippingClock clock =
        new SkippingClock(env, STUCK_AFTER, SkippingClock.activityRunning(env, id));
    RolloutStatus status = play(env, clock, workflow, player, actor, printer, start, scenario);
    RolloutResult result =
        status.phase().isTerminal()
            ? WorkflowStub.fromTyped(workflow).getResult(RolloutResult.class)
            : null;
    // Once the workflow is done the test server's clock may leap ahead with nothing left to
    // wait for; the rollout ended at its last transition.
    List<Transition> ts = status.transitions();
    long end =
        result != null && !ts.isEmpty()
            ? ts.get(ts.size() - 1).atMillis()
            : env.currentTimeMillis();
    RehearsalResult summary =
        Summaries.of(
            plan, scenario, status, result, actor.actions(), services, start, end, wallStart);
    printer.summary(summary);
    for (RehearsalData.Progress p : data.progress()) {
      if (p.crashed()) {
        switches.recordOneOff(FaultSwitches.MIGRATION_CRASH, p.atMillis());
      }
    }
    List<Violation> violations =
        new InvariantOracle()
            .check(
                new TraceLog(
                    plan,
                    start,
                    TraceLog.MetricTruth.of(metrics::valueAt, metrics::readFailsAt),
                    status.transitions(),
                    modeWrites.writes(),
                    actor.sent().stream().map(Sent::toTrace).toList(),
                    switches.injected(end),
                    dataCalls.calls(),
                    result != null ? "COMPLETED" : "RUNNING",
                    status.phase(),
                    result != null ? result.maxEventsPerRun() : status.historyLength(),
                    0),
                start + scenario.horizon().toMillis())
            .violations();
    printer.violations(violations);
    return new Outcome(
        summary,
        plan,
        start,
        end,
        status.transitions(),
        metrics,
        data.progress(),
        actor.sent(),
        switches.injected(end),
        violations,
        // The execution settles its last deliveries before it closes: ask again once it has.
        result != null ? workflow.status().notifications() : status.notifications());
  }

  /** Moves the clock from one event to the next until the rollout ends or the horizon passes. */
  private static RolloutStatus play(
      TestWorkflowEnvironment env,
      SkippingClock clock,
      RolloutWorkflow workflow,
      ScenarioPlayer player,
      ScenarioActor actor,
      Printer printer,
      long start,
      Scenario scenario) {
    long horizon = start + scenario.horizon().toMillis();
    RolloutStatus status = workflow.status();
    for (int wakeups = 0; wakeups < MAX_WAKEUPS; wakeups++) {
      printer.transitions(status.transitions());
      if (status.phase().isTerminal()) {
        return status;
      }
      long now = env.currentTimeMillis();
      player.observe(status.transitions(), now);
      for (ScenarioPlayer.Due due : player.takeDue(now)) {
        actor.act(due.event().action(), workflow, now);
      }
      if (now >= horizon) {
        return status;
      }
      // Look hourly while a trigger waits for its transition, daily otherwise (for the live log).
      long look = (player.hasWaitingTriggers() ? POLL : IDLE_POLL).toMillis();
      long next = Math.min(player.nextDue().orElse(Long.MAX_VALUE), now + look);
      clock.sleep(Duration.ofMillis(Math.max(1, Math.min(next, horizon) - now)));
      status = workflow.status();
    }
    throw new IllegalStateException(
        "rehearsal did not settle within "
            + MAX_WAKEUPS
            + " wake-ups; last phase "
            + status.phase());
  }

  /** The plan with pre-flight pointed at the rehearsal's access log instead of the server's. */
  private static RolloutPlan withAccessLog(RolloutPlan plan, RehearsalServices services) {
    PreflightSpec p = plan.preflight();
    PreflightSpec local =
        new PreflightSpec(
            services.accessLog.toString(),
            p.internalCidrs(),
            p.internalUserAgents(),
            p.redisProbeSamples(),
            p.redisMaxP99(),
            p.restoreTimeLimit(),
            p.minSeededRows());
    return plan.withPreflight(local);
  }
}
