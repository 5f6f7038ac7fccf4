package dev.greenlight.starter.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * The floor under a rehearsal: Temporal's test environment alone, running a workflow that does
 * nothing but what a rehearsal's polling does — sleep five simulated minutes, read one local
 * activity — as many times as the rehearsal polls. {@code rehearse-bench.sh} divides the
 * rehearsal's wall time by this one's; what is left above 1 is Greenlight's own cost (services,
 * seeding, the data plane, the workflow's logic, the live log).
 *
 * <p>usage: {@code PollFloor POLLS}; prints the polls done and the seconds from JVM start to the
 * end.
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

  public static void main(String[] args) {
    int polls = Integer.parseInt(args[0]);
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    try {
      Worker worker = env.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(FloorImpl.class);
      worker.registerActivitiesImplementations((Reading) at -> (at % 1000) / 1000.0);
      env.start();
      Floor floor =
          env.getWorkflowClient()
              .newWorkflowStub(
                  Floor.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
      int done = floor.run(polls);
      System.out.printf("polls %d%n", done);
    } finally {
      env.close();
    }
  }
}
