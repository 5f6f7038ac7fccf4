package dev.greenlight.starter.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.plan.PlanParser;
import dev.greenlight.rollout.plan.RolloutPlan;
import dev.greenlight.starter.PlanFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which plan queries a scenario's gate name bends: all of that name, or one section's. */
class MetricScriptTest {
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  private final RolloutPlan plan = new PlanParser().parse(planPath());

  @Test
  void aPlainNameBendsEveryQueryOfThatName() {
    MetricScript script = new MetricScript(plan, START);

    script.apply(metric("unknown-rate", 0.03), Duration.ZERO);

    assertEquals(0.03, valueOf(script, plan.warn().unknownRate().query()));
    assertEquals(0.03, valueOf(script, canaryUnknownRateQuery()));
  }

  @Test
  void aSectionQualifiedNameBendsThatSectionsQueryAlone() {
    MetricScript script = new MetricScript(plan, START);

    script.apply(metric("canary.unknown-rate", 0.03), Duration.ZERO);
    assertEquals(0.03, valueOf(script, canaryUnknownRateQuery()));
    assertEquals(0.002, valueOf(script, plan.warn().unknownRate().query()));

    script.apply(metric("warn.unknown-rate", 0.008), Duration.ZERO);
    assertEquals(0.008, valueOf(script, plan.warn().unknownRate().query()));
    // In v3.4 the block gate reads the same query: one series, so it moves too.
    assertEquals(0.008, valueOf(script, plan.warn().enforceBlock().query()));
    assertEquals(0.03, valueOf(script, canaryUnknownRateQuery()));
  }

  @Test
  void anUnknownNameListsPlainAndQualifiedNames() {
    MetricScript script = new MetricScript(plan, START);

    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> script.apply(metric("soak.unknown-rate", 0.03), Duration.ZERO));

    assertTrue(e.getMessage().contains("'soak.unknown-rate'"), e.getMessage());
    assertTrue(e.getMessage().contains("canary.unknown-rate"), e.getMessage());
    assertTrue(e.getMessage().contains("warnExit.daily-unknown-rate"), e.getMessage());
  }

  @Test
  void aWindowReadAgainRecordsWhatTheLatestReadSaw() {
    MetricScript script = new MetricScript(plan, START);
    String query = plan.warn().unknownRate().query();
    Duration step = Duration.ofMinutes(1);

    script.range(query, START, START.plusSeconds(600), step);
    script.range(query, START.plusSeconds(300), START.plusSeconds(900), step);
    assertEquals(16, script.readings(query).size());

    script.apply(metric("warn.unknown-rate", 0.008), Duration.ofMinutes(5));
    script.range(query, START.plusSeconds(300), START.plusSeconds(900), step);
    List<MetricScript.Reading> readings = script.readings(query);
    assertEquals(16, readings.size());
    assertEquals(0.002, readings.get(4).value());
    for (MetricScript.Reading r : readings.subList(5, 16)) {
      assertEquals(0.008, r.value(), r.toString());
    }
  }

  private String canaryUnknownRateQuery() {
    return plan.canary().gates().stream()
        .filter(g -> g.name().equals("unknown-rate"))
        .findFirst()
        .orElseThrow()
        .query();
  }

  private static ScenarioEvent.MetricChange metric(String gate, double value) {
    return new ScenarioEvent.MetricChange(gate, ScenarioEvent.MetricChange.Kind.VALUE, value);
  }

  private static double valueOf(MetricScript script, String query) {
    return script.instant(query, START.plusSeconds(60));
  }

  private static Path planPath() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(PlanFiles.DEFAULT_PLAN))) {
        return d.resolve(PlanFiles.DEFAULT_PLAN);
      }
    }
    throw new IllegalStateException(
        "no " + PlanFiles.DEFAULT_PLAN + " above the working directory");
  }
}
