package dev.greenlight.starter.fuzz;

import dev.greenlight.rollout.ModeActivitiesImpl;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutWorkflowImpl;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.rehearse.FaultInjector;
import dev.greenlight.starter.rehearse.RehearsalServices;
import dev.greenlight.starter.rehearse.Scenario;
import dev.greenlight.starter.rehearse.SkippingClock;
import dev.greenlight.worker.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs traces of a plan on the real workflow: {@code lanes} Temporal test environments side by
 * side, each running {@code batch} rollouts at once with time skipping, on one real Redis (a
 * surface per trace) and one PostgreSQL (the mode audit). Each rollout is the real {@code
 * RolloutWorkflow} with the real mode and gate activities; pre-flight passes and the data plane is
 * {@link FuzzData}, a faithful fake.
 */
public final class FuzzRunner implements AutoCloseable {
  private final RolloutPlan plan;
  private final RehearsalServices services;
  private final int lanes;
  private final int batch;
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger restarts = new AtomicInteger();

  public FuzzRunner(RolloutPlan plan, String dbUrl, String redisUrl, int lanes, int batch) {
    this.plan = plan;
    this.services = RehearsalServices.start(dbUrl, redisUrl, 1_000);
    this.lanes = lanes;
    this.batch = batch;
  }

  /** Runs {@code traces}; returns their logs in the same order. */
  public List<TraceLog> run(List<Scenario> traces) {
    List<List<Scenario>> chunks = new ArrayList<>();
    for (int i = 0; i < traces.size(); i += batch) {
      chunks.add(traces.subList(i, Math.min(traces.size(), i + batch)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(lanes);
    try {
      List<Future<List<TraceLog>>> futures = new ArrayList<>();
      for (List<Scenario> chunk : chunks) {
        futures.add(pool.submit(() -> runBatch(chunk)));
      }
      List<TraceLog> logs = new ArrayList<>();
      for (Future<List<TraceLog>> f : futures) {
        logs.addAll(f.get());
      }
      return logs;
    } catch (Exception e) {
      if (System.getenv("GREENLIGHT_FUZZ_DEBUG") != null) {
        e.printStackTrace();
      }
      throw new IllegalStateException("fuzz run failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many batches ran again because their environment's clock stopped. */
  public int restartedBatches() {
    return restarts.get();
  }

  /**
   * One batch in an environment of its own, so a batch's clock is its own. When the test server's
   * clock stops ({@link SkippingClock.Stopped}) the batch runs again, whole, in a fresh
   * environment: its events all have fixed times, so the re-run is the same trace.
   */
  private List<TraceLog> runBatch(List<Scenario> scenarios) {
    for (int attempt = 1; ; attempt++) {
      try {
        return runBatchOnce(scenarios);
      } catch (SkippingClock.Stopped e) {
        if (attempt == 3) {
          throw e;
        }
        restarts.incrementAndGet();
      }
    }
  }

  private List<TraceLog> runBatchOnce(List<Scenario> scenarios) {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    boolean stuck = false;
    try {
      SearchAttributes.REQUIRED.forEach(env::registerSearchAttribute);
      FuzzActivities activities =
          new FuzzActivities(
              new ModeActivitiesImpl(services.clients.modeStore(), services.clients.jdbi()));
      Worker worker = env.newWorker(RolloutConstants.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(RolloutWorkflowImpl.class);
      activities.registerOn(worker);
      env.start();
      long start = env.currentTimeMillis();
      List<TraceContext> traces = new ArrayList<>();
      List<FaultInjector> injectors = new ArrayList<>();
      for (Scenario s : scenarios) {
        int n = runs.incrementAndGet();
        TraceContext trace = new TraceContext(s, plan, n, env::currentTimeMillis, start);
        activities.add(trace);
        traces.add(trace);
        injectors.add(
            new FaultInjector(trace.faults, trace.modes, services.clients, trace.plan.surface()));
      }
      return new FuzzDriver(env).run(traces, injectors);
    } catch (SkippingClock.Stopped e) {
      stuck = true;
      throw e;
    } finally {
      if (stuck) {
        // Closing waits for what is in flight, which may never finish: let it go on its own.
        Thread closer = new Thread(env::close, "fuzz-close-stuck-environment");
        closer.setDaemon(true);
        closer.start();
      } else {
        env.close();
      }
    }
  }

  /** The plan, writing the mode record of {@code surface}: each trace has a record of its own. */
  @Override
  public void close() {
    services.close();
  }
}
