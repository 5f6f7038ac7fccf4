package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories — one per phase and outcome — against today's workflow code. A change
 * that would break a running rollout fails here; put it behind {@code Workflow.getVersion}.
 *
 * <p>The histories come from the rollout scenario tests in {@code activities/}: run them with
 * {@code -Dgreenlight.recordHistories=DIR}, gzip the files and place them in a folder of {@code
 * src/test/resources/histories} named for the workflow version that wrote them. Keep the old
 * folders: they are the rollouts still running on the old code. {@code remote-gate-reads} predates
 * {@code ActivityStubs.GATE_READS_AS_LOCAL_ACTIVITIES}, {@code local-gate-reads} follows it; both
 * replay on the frozen {@code legacy} loop. {@code safety-semantics} was recorded after {@code
 * RolloutWorkflowImpl.SAFETY_SEMANTICS} (the safety scenario tests of issue 11 included) and
 * replays on today's loop. {@code notifications} was recorded by {@code RolloutNotificationsTest}
 * after {@code Notifier.NOTIFICATIONS}: rollouts whose plans have sinks, deliveries that succeed,
 * are retried, and fail for good.
 */
class RolloutReplayTest {
  static Stream<Path> histories() throws IOException, URISyntaxException {
    Path dir = Path.of(RolloutReplayTest.class.getResource("/histories").toURI());
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
      assertFalse(list.isEmpty(), "no recorded histories in " + dir);
      return list.stream();
    }
  }

  /** Each workflow version rollouts may still be running on keeps its recorded histories. */
  @Test
  void everyWorkflowVersionHasRecordedHistories() throws Exception {
    List<String> versions =
        histories().map(p -> p.getParent().getFileName().toString()).distinct().sorted().toList();
    assertEquals(
        List.of(
            "local-gate-reads",
            "notifications",
            "remote-gate-reads",
            "safety-semantics",
            "warn-sleeps-through-extension"),
        versions);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void recordedHistoryReplaysOnTodaysCode(Path history) throws Exception {
    String json;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(history))) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    WorkflowReplayer.replayWorkflowExecution(json, RolloutWorkflowImpl.class);
  }
}
