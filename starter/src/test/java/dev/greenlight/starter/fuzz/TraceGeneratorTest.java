package dev.greenlight.starter.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.rehearse.Scenario;
import dev.greenlight.starter.rehearse.ScenarioEvent;
import dev.greenlight.starter.rehearse.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces are reproducible from their seed, varied, and written as scenarios rehearse reads. */
class TraceGeneratorTest {
  private final RolloutPlan plan = Traces.PLAN;
  private final TraceGenerator generator = new TraceGenerator(plan);

  @Test
  void theSameSeedAndIndexGiveTheSameTrace() {
    assertEquals(generator.trace(7, 3), generator.trace(7, 3));
    assertNotEquals(generator.trace(7, 3), generator.trace(7, 4));
    assertNotEquals(generator.trace(7, 3), generator.trace(8, 3));
  }

  @Test
  void aHundredTracesCoverEveryKindOfEvent() {
    Set<String> kinds = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      for (ScenarioEvent e : generator.trace(1, i).events()) {
        assertTrue(e.at() != null, "fixed times only, so fuzz and rehearse run a trace alike");
        kinds.add(kind(e.action()));
      }
    }
    for (String expected :
        Set.of(
            "metric VALUE",
            "metric MISSING",
            "metric ERROR",
            "metric HEALTHY",
            "alert",
            "approve",
            "pause",
            "resume",
            "promote",
            "retry-canary",
            "extend-warn",
            "fault mode-flips-fail",
            "fault webhook-writes-warn",
            "fault unreadable-mode-record",
            "fault dry-run-fails")) {
      assertTrue(kinds.contains(expected), expected + " never generated: " + kinds);
    }
  }

  @Test
  void aWrittenTraceIsReadBackEventForEvent(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 20; i++) {
      Scenario trace = generator.trace(11, i);
      Path file =
          Files.writeString(dir.resolve("t" + i + ".yaml"), ScenarioWriter.yaml(trace, "t"));
      Scenario back = new ScenarioLoader().load(file);
      assertEquals(trace.events(), back.events(), "trace " + i);
      assertEquals(trace.migrationCrashes(), back.migrationCrashes());
      assertEquals(trace.horizon(), back.horizon());
    }
  }

  private static String kind(ScenarioEvent.Action a) {
    if (a instanceof ScenarioEvent.MetricChange m) {
      return "metric " + m.kind();
    }
    if (a instanceof ScenarioEvent.Command c) {
      return c.command();
    }
    if (a instanceof ScenarioEvent.Fault f) {
      return "fault " + f.kind();
    }
    return "alert";
  }
}
