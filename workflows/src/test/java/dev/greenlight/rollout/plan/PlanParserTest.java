package dev.greenlight.rollout.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanParserTest {
  private static final Path V34 = TestPlans.V34;
  private final PlanParser parser = new PlanParser();

  @Test
  void shippedPlanCarriesTheRunbooksNumbers() {
    RolloutPlan plan = parser.parse(V34);
    assertEquals(Duration.ofDays(2), plan.off().minDuration());
    assertEquals(10_000, plan.off().requestsPerEndpoint().threshold());
    assertEquals(0.005, plan.warn().unknownRate().threshold());
    assertEquals(0.01, plan.warn().enforceBlock().breachThreshold());
    assertEquals(Duration.ofMinutes(10), plan.warn().enforceBlock().breachFor());
    assertEquals(10, plan.canary().steps().get(0).percent());
    assertEquals(Duration.ofHours(2), plan.canary().steps().get(0).minDuration());
    assertEquals(50, plan.canary().steps().get(1).percent());
    assertEquals(Duration.ofHours(4), plan.canary().steps().get(1).minDuration());
    assertEquals(Duration.ofMinutes(30), plan.canary().window());
    assertEquals(Duration.ofHours(24), plan.soak().duration());
    assertEquals(7, plan.warnExit().requiredGoodDays());
    assertEquals(Duration.ofDays(30), plan.warnExit().cap());
    assertEquals(Duration.ofDays(1), plan.warnExit().period());
    assertEquals(Duration.ofDays(7), plan.rollback().extendWarn());
    assertEquals(Duration.ofMinutes(5), plan.preflight().restoreTimeLimit());
  }

  /** The message {@code yaml}, read from a file named {@code source}, is refused with. */
  private String refused(String yaml, String source) {
    return assertThrows(PlanException.class, () -> parser.parse(yaml, source)).getMessage();
  }

  /** The refusal of the v3.4 plan with {@code text} replaced by {@code edited}. */
  private String refusedV34(String text, String edited) throws IOException {
    return refused(Files.readString(V34).replace(text, edited), "plan.yaml");
  }

  @Test
  void ruleViolationNamesFieldLineAndRule() throws IOException {
    String message =
        refusedV34("{percent: 50, minDuration: 4h}", "{percent: 120, minDuration: 4h}");
    assertTrue(message.contains("canary.steps[1].percent (line "), message);
    assertTrue(
        message.contains("must be between 1 and 99 (100 % is the soak) but was 120"), message);
  }

  @Test
  void warnExitPeriodDefaultsToADayAndIsValidatedAgainstTheCap() throws IOException {
    String v34 = Files.readString(V34);
    String seconds = v34.replace("  cap: 30d\n", "  cap: 2m\n  period: 10s\n");
    RolloutPlan compressed = parser.parse(seconds, "plan.yaml");
    assertEquals(Duration.ofSeconds(10), compressed.warnExit().period());

    String zeroPeriod =
        refused(v34.replace("  cap: 30d\n", "  cap: 30d\n  period: 0s\n"), "plan.yaml");
    assertTrue(
        zeroPeriod.contains("warnExit.period (line ")
            && zeroPeriod.contains("must be a positive duration but was PT0S"),
        zeroPeriod);

    String capTooShort =
        refused(v34.replace("  cap: 30d\n", "  cap: 60s\n  period: 10s\n"), "plan.yaml");
    assertTrue(
        capTooShort.contains("must be at least requiredGoodDays periods long (7 x 10s) but was 1m"),
        capTooShort);
  }

  @Test
  void batchSizeBelowTheDataPlanesMinimumIsRefusedBeforeMigrationDay() throws IOException {
    String message = refusedV34("batchSize: 1000", "batchSize: 50");
    assertTrue(
        message.contains("normalize.batchSize (line ")
            && message.contains("must be at least 100 but was 50"),
        message);
  }

  @Test
  void compressedEndToEndPlanIsValid() {
    RolloutPlan plan = parser.parse(RepoFiles.locate("plans/e2e-compressed.yaml"));
    assertEquals(Duration.ofSeconds(5), plan.warnExit().period());
    assertEquals(Duration.ofSeconds(2), plan.pollInterval());
  }

  @Test
  void unknownFieldIsRefusedWithItsLine() throws IOException {
    String message = refusedV34("  window: 30m\n", "  windw: 30m\n");
    assertTrue(message.contains("canary.windw: unknown field"), message);
    assertTrue(message.contains("line "), message);
  }

  @Test
  void badDurationNamesTheValueAndTheForms() throws IOException {
    String message = refusedV34("minDuration: 2d", "minDuration: two days");
    assertTrue(message.contains("off.minDuration"), message);
    assertTrue(message.contains("'two days' is not a duration"), message);
  }

  @Test
  void invalidYamlReportsLineAndColumn() {
    String message = refused("name: \"unterminated\nsurface: x\n", "bad.yaml");
    assertTrue(message.startsWith("bad.yaml: invalid YAML"), message);
    assertTrue(message.matches("(?s).*line \\d+, column \\d+.*"), message);
  }

  @Test
  void missingFieldsAreNamed() {
    String primitive = refused("name: x\nsurface: y\n", "thin.yaml");
    assertTrue(
        primitive.contains("maxConsecutiveGateErrors: required field is missing"), primitive);

    String noSections =
        "name: x\nsurface: y\nendpoints: [a]\npollInterval: 5m\nmaxConsecutiveGateErrors: 3\n"
            + "historyEventLimit: 3000\n";
    String sections = refused(noSections, "thin.yaml");
    assertTrue(sections.contains("canary: is required"), sections);
    assertTrue(sections.contains("warnExit: is required"), sections);
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    PlanException e =
        assertThrows(PlanException.class, () -> parser.parse(dir.resolve("nope.yaml")));
    assertTrue(e.getMessage().contains("nope.yaml does not exist"), e.getMessage());
  }

  @Test
  void humanDurationsRoundTrip() {
    for (String text : new String[] {"500ms", "30s", "30m", "2h", "7d"}) {
      assertEquals(text, HumanDurations.format(HumanDurations.parse(text)));
    }
    assertEquals(Duration.ofMinutes(30), HumanDurations.parse("PT30M"));
  }
}
