package dev.greenlight.starter.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor under a rehearsal: Temporal's test environment alone, running a workflow that does
 * nothing but what a rehearsal's polling does — sleep five simulated minutes, read one local
 * activity — as many times as the rehearsal polls. {@code rehearse-bench.sh} divides the
 * rehearsal's wall time by this one's; what is left above 1 is Greenlight's own cost (services,
 * seeding, the data plane, the workflow's logic, the live log).
 *
 * <p>usage: {@code PollFloor POLLS [WORKFLOWS [LANES [BATCH]]]}; prints the polls done. With
 * several workflows it is the floor under {@code greenlight fuzz} ({@code fuzz-bench.sh}): as many
 * rollouts, in as many environments side by side, as many at once in each.
 */
public final class PollFloor {
  private static final String QUEUE = "poll-floor";

  private PollFloor() {}

  @WorkflowInterface
  public interface Floor {
    @WorkflowMethod
    int run(int polls);
  }

  @ActivityInterface
  public interface Reading {
    double read(long atMillis);
  }

  public static final class FloorImpl implements Floor {
    private final Reading reading =
        Workflow.newLocalActivityStub(
            Reading.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .build());

    @Override
    public int run(int polls) {
      double sum = 0;
      for (int i = 0; i < polls; i++) {
        Workflow.sleep(Duration.ofMinutes(5));
        sum += reading.read(Workflow.currentTimeMillis());
      }
      return sum >= 0 ? polls : -1;
    }
  }

  public static void main(String[] args) throws Exception {
    int polls = Integer.parseInt(args[0]);
    int workflows = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int lanes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : workflows;
    // As `greenlight fuzz` runs its traces: `lanes` environments side by side, each running
    // `batch` workflows at once, one batch after another.
    ExecutorService pool = Executors.newFixedThreadPool(lanes);
    List<Future<Integer>> batches = new ArrayList<>();
    for (int first = 0; first < workflows; first += batch) {
      int size = Math.min(batch, workflows - first);
      batches.add(pool.submit(() -> runBatch(polls, size)));
    }
    int done = 0;
    for (Future<Integer> f : batches) {
      done += f.get();
    }
    pool.shutdown();
    System.out.printf("polls %d%n", done);
  }

  /** {@code size} workflows of {@code polls} polls at once in an environment of their own. */
  private static int runBatch(int polls, int size) {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      Worker worker = env.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(FloorImpl.class);
      worker.registerActivitiesImplementations((Reading) at -> (at % 1000) / 1000.0);
      env.start();
      List<WorkflowStub> runs = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        Floor floor =
            env.getWorkflowClient()
                .newWorkflowStub(
                    Floor.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
        WorkflowClient.start(floor::run, polls);
        runs.add(WorkflowStub.fromTyped(floor));
      }
      int done = 0;
      for (WorkflowStub run : runs) {
        done += run.getResult(Integer.class);
      }
      return done;
    } finally {
      env.close();
    }
  }
}
