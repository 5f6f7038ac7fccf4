package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.rollout.plan.TestPlans;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.Test;

/** The state carried across continue-as-new and the status answer survive the data converter. */
class RolloutStatusRoundTripTest {
  @Test
  void stateAndStatusSurviveTheDataConverter() {
    var converter = DefaultDataConverter.newDefaultInstance();
    RolloutState state = new RolloutState();
    state.phase = Phase.CANARY;
    state.steering.pendingApprovals.add("migration");
    state.canary.previousStepMeans.put("p99", 0.0004);
    state.data.manifestPath = "/backups/attempt-1-20260101T000000Z.manifest.json";
    state.history.transitions.add(
        new Transition(1, Phase.CANARY, dev.greenlight.validator.ValidationMode.ENFORCE, 10, "x"));
    RolloutState back =
        converter.fromPayload(
            converter.toPayload(state).orElseThrow(), RolloutState.class, RolloutState.class);
    assertEquals(state.phase, back.phase);
    assertEquals(state.steering.pendingApprovals, back.steering.pendingApprovals);
    assertEquals(state.canary.previousStepMeans, back.canary.previousStepMeans);
    assertEquals(state.history.transitions, back.history.transitions);

    RolloutStatus status = StatusView.of(TestPlans.v34(), state, 5, 42);
    assertEquals(state.data.manifestPath, status.backupManifest());
    assertEquals(
        status,
        converter.fromPayload(
            converter.toPayload(status).orElseThrow(), RolloutStatus.class, RolloutStatus.class));
  }
}
