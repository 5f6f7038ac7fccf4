package dev.greenlight.starter.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.rollout.activity.BackupResult;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.DistinctStagesResult;
import dev.greenlight.rollout.activity.DryRunResult;
import dev.greenlight.rollout.activity.MigrationRequest;
import dev.greenlight.rollout.activity.MigrationResult;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.rollout.activity.RestoreTestResult;
import dev.greenlight.starter.fuzz.TraceLog;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code fault:} events of the scenario format, the switches and the faulty activities. */
class FaultScenarioTest {
  private final ScenarioLoader loader = new ScenarioLoader();

  private ScenarioEvent.Action only(String event) {
    Scenario s = loader.parse("name: s\nevents:\n" + event, "s.yaml");
    assertEquals(1, s.events().size());
    return s.events().get(0).action();
  }

  private String refused(String event) {
    return assertThrows(
            ScenarioException.class, () -> loader.parse("name: s\nevents:\n" + event, "s.yaml"))
        .getMessage();
  }

  /** Each fault event's YAML, as a scenario would write it, and the fault it parses to. */
  static Stream<Arguments> faultEvents() {
    return Stream.of(
        Arguments.of(
            "  - at: 9d\n    fault: mode-flips-fail\n    for: 30m\n",
            new ScenarioEvent.Fault("mode-flips-fail", Duration.ofMinutes(30))),
        Arguments.of(
            "  - on: {phase: NORMALIZE}\n    after: 1h\n    fault: dry-run-fails\n",
            new ScenarioEvent.Fault("dry-run-fails", null)),
        Arguments.of(
            "  - at: 0\n    fault: backup-fails\n    for: P1DT1H\n",
            new ScenarioEvent.Fault("backup-fails", Duration.ofHours(25))),
        Arguments.of(
            "  - at: 9d\n    fault: webhook-writes-warn\n",
            new ScenarioEvent.Fault("webhook-writes-warn", null)));
  }

  @ParameterizedTest
  @MethodSource("faultEvents")
  void faultsParseWithAndWithoutADuration(String event, ScenarioEvent.Fault expected) {
    assertEquals(expected, only(event));
  }

  @Test
  void faultsDescribeTheirKindAndHowLongTheyHold() {
    assertEquals(
        "fault mode-flips-fail for 30m",
        new ScenarioEvent.Fault("mode-flips-fail", Duration.ofMinutes(30)).describe());
    assertEquals(
        "fault restore-test-fails for good",
        new ScenarioEvent.Fault("restore-test-fails", null).describe());
    assertEquals(
        "fault unreadable-mode-record",
        new ScenarioEvent.Fault("unreadable-mode-record", null).describe());
  }

  @Test
  void unknownKindsBadDurationsAndMisplacedForAreRefusedNamingValueAndRule() {
    String kind = refused("  - at: 9d\n    fault: redis-on-fire\n");
    assertTrue(
        kind.startsWith("s.yaml: events[0].fault must be one of [mode-flips-fail, backup-fails,")
            && kind.endsWith("but was redis-on-fire"),
        kind);
    String bad = refused("  - at: 9d\n    fault: mode-flips-fail\n    for: soon\n");
    assertTrue(bad.startsWith("s.yaml: events[0].for: 'soon' is not a duration"), bad);
    String zero = refused("  - at: 9d\n    fault: mode-flips-fail\n    for: 0m\n");
    assertEquals(
        "s.yaml: events[0].for must be a positive duration (leave it out for good) but was 0m",
        zero);
    String negative = refused("  - at: 9d\n    fault: backup-fails\n    for: PT-5M\n");
    assertTrue(negative.contains("must be a positive duration"), negative);
    String oneOff = refused("  - at: 9d\n    fault: webhook-writes-warn\n    for: 1h\n");
    assertTrue(
        oneOff.startsWith(
            "s.yaml: events[0].for does not apply to webhook-writes-warn, which happens once"),
        oneOff);
    String noFault = refused("  - at: 9d\n    alert: X\n    for: 1h\n");
    assertEquals("s.yaml: events[0].for is how long a fault holds; it needs 'fault'", noFault);
    String two = refused("  - at: 9d\n    alert: X\n    fault: backup-fails\n");
    assertTrue(
        two.contains("needs exactly one of 'metric', 'alert', 'command', 'approve' or 'fault'"),
        two);
  }

  @Test
  void switchesHoldOverHalfOpenWindowsAndListEveryInjectionCutAtTheEnd() {
    FaultSwitches switches = new FaultSwitches();
    switches.hold("mode-flips-fail", 1000, 2000);
    switches.hold("dry-run-fails", 1500, FaultSwitches.FOR_GOOD);
    switches.recordOneOff("webhook-writes-warn", 1200);
    assertFalse(switches.holds("mode-flips-fail", 999));
    assertTrue(switches.holds("mode-flips-fail", 1000));
    assertTrue(switches.holds("mode-flips-fail", 1999));
    assertFalse(switches.holds("mode-flips-fail", 2000));
    assertTrue(switches.holds("dry-run-fails", Long.MAX_VALUE - 1));
    assertFalse(switches.holds("webhook-writes-warn", 1200), "a one-off holds no window");
    assertThrows(IllegalArgumentException.class, () -> switches.hold("webhook-writes-warn", 1, 2));
    assertEquals(
        List.of(
            new TraceLog.FaultWindow("mode-flips-fail", 1000, 2000),
            new TraceLog.FaultWindow("webhook-writes-warn", 1200, 1200),
            new TraceLog.FaultWindow("dry-run-fails", 1500, 5000)),
        switches.injected(5000));
  }

  @Test
  void faultyActivitiesFailNonRetryablyOnlyWhileTheirFaultHolds() {
    FaultSwitches switches = new FaultSwitches();
    AtomicLong now = new AtomicLong(0);
    FaultyModeActivities mode =
        new FaultyModeActivities(
            r -> new ModeFlipResult(r.mode(), r.percent(), 7, false, r.changedBy(), r.reason()),
            new InjectedFaults(switches, now::get));
    FaultyDataActivities data =
        new FaultyDataActivities(new RealData(), new InjectedFaults(switches, now::get));
    ModeFlipRequest warn =
        new ModeFlipRequest("s", ValidationMode.WARN, 0, "greenlight:r", "rollback");
    switches.hold("mode-flips-fail", 100, 200);
    switches.hold("dry-run-fails", 100, FaultSwitches.FOR_GOOD);

    now.set(99);
    assertEquals(7, mode.flipMode(warn).version());
    assertNull(data.dryRun("run"));
    now.set(150);
    ApplicationFailure f = assertThrows(ApplicationFailure.class, () -> mode.flipMode(warn));
    assertTrue(f.isNonRetryable());
    assertEquals(FaultSwitches.FAILURE_TYPE, f.getType());
    assertTrue(
        f.getOriginalMessage()
            .startsWith(
                "Redis refused the write of warn 0%: injected fault mode-flips-fail (until "),
        f.getOriginalMessage());
    ApplicationFailure dry = assertThrows(ApplicationFailure.class, () -> data.dryRun("run"));
    assertEquals(
        "dry run failed: injected fault dry-run-fails (for good)", dry.getOriginalMessage());
    assertNull(data.backup("run"), "backup has no fault");
    assertNull(data.restoreTest("run", "m", 1));
    now.set(200);
    assertEquals(7, mode.flipMode(warn).version());
    assertThrows(ApplicationFailure.class, () -> data.dryRun("run"));
  }

  /** Data activities that succeed with nothing. */
  private static final class RealData implements DataActivities {
    @Override
    public List<String> unfinishedMigrations(String exceptRunId) {
      return List.of();
    }

    @Override
    public BackupResult backup(String runId) {
      return null;
    }

    @Override
    public BackupResult verifyBackup(String runId, String manifestPath) {
      return null;
    }

    @Override
    public RestoreTestResult restoreTest(String runId, String manifestPath, long limit) {
      return null;
    }

    @Override
    public DryRunResult dryRun(String runId) {
      return null;
    }

    @Override
    public MigrationResult applyMigration(MigrationRequest request) {
      return null;
    }

    @Override
    public DistinctStagesResult verifyDistinctStages() {
      return null;
    }
  }
}
