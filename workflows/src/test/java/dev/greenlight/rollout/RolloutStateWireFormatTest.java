package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.greenlight.validator.ValidationMode;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RolloutState} crosses continue-as-new as JSON, so a worker must read the state an older
 * worker wrote: the named parts serialize flat, under the field names the state had when they were
 * all its own fields.
 */
class RolloutStateWireFormatTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  /** A state as the class with 42 flat fields wrote it: one or more fields of every part. */
  private static final String FLAT =
      """
      {"phase":"CANARY","mode":"ENFORCE","percent":10,"runs":3,"modeVersion":7,
       "warnExtendedUntilMillis":99,
       "paused":true,"pauseReason":"paused by alice: lunch","pauseCause":"MANUAL",
       "pendingApprovals":["migration"],"abortRequested":false,"retryRequested":true,
       "pendingDowngrade":"rollback","downgradeAttempts":2,"downgradeError":"redis down",
       "consecutiveGateErrors":3,"greenSinceMillis":1000,"baselineUnknownFraction":0.25,
       "canaryStep":2,"stepStarted":true,"stepMeanSum":{"p99":0.5},"rollbacks":1,
       "enforceHeld":"no fresh verdict","promotionHeld":null,
       "normalizeStep":"DONE","manifestPath":"/b/m.json","offendingStages":{"Seed":3},
       "warnExitGoodDays":4,"warnExitDay":5,"warnExitFailedReads":1,
       "commands":["pause by alice"],"alerts":["StageEnforceErrorSpike"]}
      """;

  @Test
  void aFlatStateFromAnOlderWorkerFillsEveryPart() {
    RolloutState s = read(FLAT);

    assertEquals(Phase.CANARY, s.phase);
    assertEquals(ValidationMode.ENFORCE, s.mode);
    assertEquals(7, s.modeVersion);
    assertEquals(99, s.warnExtendedUntilMillis);
    assertTrue(s.steering.paused);
    assertEquals(RolloutState.PauseCause.MANUAL, s.steering.pauseCause);
    assertEquals(List.of("migration"), s.steering.pendingApprovals);
    assertTrue(s.steering.retryRequested);
    assertEquals("rollback", s.downgrade.pendingDowngrade);
    assertEquals(2, s.downgrade.downgradeAttempts);
    assertEquals(3, s.gates.consecutiveGateErrors);
    assertEquals(0.25, s.gates.baselineUnknownFraction);
    assertEquals(2, s.canary.canaryStep);
    assertEquals(Map.of("p99", 0.5), s.canary.stepMeanSum);
    assertEquals("no fresh verdict", s.canary.enforceHeld);
    assertEquals(RolloutState.NormalizeStep.DONE, s.data.normalizeStep);
    assertEquals(Map.of("Seed", 3L), s.data.offendingStages);
    assertEquals(4, s.warnExit.warnExitGoodDays);
    assertEquals(5, s.warnExit.warnExitDay);
    assertEquals(List.of("StageEnforceErrorSpike"), s.history.alerts);
  }

  @Test
  void theStateIsWrittenFlatUnderItsFormerFieldNames() throws Exception {
    JsonNode written = new ObjectMapper().readTree(write(read(FLAT)));
    JsonNode flat = new ObjectMapper().readTree(FLAT);

    for (String part :
        List.of("steering", "downgrade", "gates", "canary", "data", "warnExit", "history")) {
      assertFalse(written.has(part), part + " must not appear as a key: " + written);
    }
    flat.fieldNames()
        .forEachRemaining(
            name -> assertEquals(flat.get(name), written.get(name), name + " in " + written));
    assertTrue(written.has("transitions") && written.has("notifications"), written.toString());
  }

  @Test
  void aNewStateRoundTripsThroughTheDataConverter() {
    RolloutState s = new RolloutState();
    s.steering.pause(RolloutState.PauseCause.METRICS, "gate reads failing");
    s.downgrade.owe("abort");
    s.canary.canaryStep = 3;
    s.history.transitions.add(
        new Transition(1L, Phase.CANARY, ValidationMode.ENFORCE, 50, "canary step 3"));

    RolloutState back = read(write(s));

    assertEquals(write(s), write(back));
    assertEquals("gate reads failing", back.steering.pauseReason);
    assertEquals("abort", back.downgrade.pendingDowngrade);
    assertEquals(1, back.history.transitions.size());
  }

  private static RolloutState read(String json) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(json))
            .build();
    return CONVERTER.fromPayload(payload, RolloutState.class, RolloutState.class);
  }

  private static String write(RolloutState state) {
    return CONVERTER.toPayload(state).orElseThrow().getData().toStringUtf8();
  }
}
