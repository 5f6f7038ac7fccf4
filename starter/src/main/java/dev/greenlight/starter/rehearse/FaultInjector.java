package dev.greenlight.starter.rehearse;

import dev.greenlight.starter.fuzz.ModeWriteRecorder;
import dev.greenlight.validator.ModeDowngrade;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.internal.ModeKeys;
import dev.greenlight.worker.ActivityClients;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Locale;

/**
 * Injects a scenario's faults into a rehearsal's world when they are due: a timed fault is switched
 * on in {@link FaultSwitches} (the faulty activities fail while it holds); a one-off is done here,
 * to the rehearsal's own Redis, behind the workflow's back, and what it did to the mode record is
 * recorded for the safety oracle ({@link ModeWriteRecorder#afterOneOff}). Shared by {@code
 * greenlight rehearse} and {@code greenlight fuzz}.
 *
 * @param switches where a timed fault is switched on and every fault is recorded
 * @param modeWrites where a one-off's write to the mode record is recorded
 * @param clients the rehearsal's Redis, its key prefix and mode store
 * @param surface the mode record a one-off fault hits
 */
public record FaultInjector(
    FaultSwitches switches, ModeWriteRecorder modeWrites, ActivityClients clients, String surface) {
  /** What {@code unreadable-mode-record} writes into {@code changedAt}. */
  static final String UNREADABLE_CHANGED_AT = "not-a-time";

  static final String WEBHOOK = "ops-webhook";

  /** Injects {@code fault} at {@code nowMillis}; returns what came of it, for the log. */
  public String inject(ScenarioEvent.Fault fault, long nowMillis) {
    String kind = fault.kind();
    if (!FaultSwitches.isOneOff(kind)) {
      long until =
          fault.duration() == null
              ? FaultSwitches.FOR_GOOD
              : nowMillis + fault.duration().toMillis();
      switches.hold(kind, nowMillis, until);
      return "holds " + FaultSwitches.until(switches.holding(kind, nowMillis).orElseThrow());
    }
    switches.recordOneOff(kind, nowMillis);
    ModeStore store = clients.modeStore();
    long versionBefore = ModeWriteRecorder.versionNow(store, surface);
    String outcome = oneOff(kind);
    modeWrites.afterOneOff(kind, store, surface, versionBefore);
    return outcome;
  }

  private String oneOff(String kind) {
    try {
      return switch (kind) {
        case FaultSwitches.WEBHOOK_WRITES_WARN -> webhookWritesWarn();
        case FaultSwitches.UNREADABLE_MODE_RECORD -> unreadableModeRecord();
        default -> throw new IllegalArgumentException("unknown fault kind " + kind);
      };
    } catch (RuntimeException e) {
      return "failed: " + e.getMessage();
    }
  }

  /** The webhook's write without its signal: {@code warn} over whatever is stored. */
  private String webhookWritesWarn() {
    ModeDowngrade d =
        clients
            .modeStore()
            .downgradeToWarn(
                surface,
                WEBHOOK,
                "rehearsal fault webhook-writes-warn: an alert's downgrade whose signal never arrived");
    String stored = d.stored().map(FaultInjector::describe).orElse("no record");
    return switch (d.outcome()) {
      case DOWNGRADED -> "webhook wrote " + stored + "; no signal sent";
      case REPLACED_UNREADABLE ->
          "webhook replaced an unreadable record ("
              + d.replacedProblem().orElse("?")
              + ") with "
              + stored
              + "; no signal sent";
      case NOT_ENFORCING -> "webhook left " + stored + " as it was (not enforcing); no signal sent";
      case NO_RECORD -> "no mode record: the webhook wrote nothing; no signal sent";
    };
  }

  /** A raw HSET that leaves the record's {@code changedAt} unparseable. */
  private String unreadableModeRecord() {
    String key = new ModeKeys(clients.redisPrefix()).modeKey(surface);
    try (StatefulRedisConnection<String, String> c = clients.redis().connect()) {
      String before = c.sync().hget(key, "changedAt");
      c.sync().hset(key, "changedAt", UNREADABLE_CHANGED_AT);
      return "changedAt of "
          + key
          + " set to '"
          + UNREADABLE_CHANGED_AT
          + "'"
          + (before == null ? " (the record had none)" : " (was " + before + ")");
    }
  }

  /** "warn 0% (version 8, by ops-webhook)". */
  private static String describe(ModeRecord r) {
    return String.format(
        Locale.ROOT,
        "%s %d%% (version %d, by %s)",
        r.mode().wireName(),
        r.enforcePercent(),
        r.version(),
        r.changedBy());
  }
}
