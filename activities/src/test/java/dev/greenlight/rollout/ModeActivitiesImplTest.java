package dev.greenlight.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.schema.Schema;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.testsupport.TestDatabases;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.UnreadableModeRecordException;
import dev.greenlight.validator.ValidationMode;
import io.lettuce.core.RedisClient;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModeActivitiesImplTest {
  private final RedisClient redis = RedisClient.create(TestServices.redis().url());
  private final String prefix = "gltest:" + UUID.randomUUID() + ":";
  private final ModeStore store = new ModeStore(redis, prefix);
  private final String url = TestServices.postgres().createDatabase("gl_mode");
  private final Jdbi jdbi = Jdbi.create(url);
  private final ModeActivitiesImpl activities;

  ModeActivitiesImplTest() {
    Schema.migrate(url);
    activities = new ModeActivitiesImpl(store, jdbi);
  }

  @AfterEach
  void close() {
    store.close();
    redis.shutdown();
    TestServices.postgres().dropDatabase(TestDatabases.nameOf(url));
  }

  @Test
  void retriedFlipWritesNoSecondVersionAndOneAuditRow() {
    ModeFlipRequest flip =
        new ModeFlipRequest("s", ValidationMode.ENFORCE, 10, "greenlight:r1", "canary step 1");
    ModeFlipResult first = activities.flipMode(flip);
    ModeFlipResult retried = activities.flipMode(flip);

    assertEquals(1, first.version());
    assertEquals(first, retried);
    assertEquals(List.of("null→enforce 10 v1"), audit());
  }

  @Test
  void flipAfterSomeoneElsesWriteAuditsTheRealPreviousMode() {
    activities.flipMode(
        new ModeFlipRequest("s", ValidationMode.ENFORCE, 50, "greenlight:r1", "step 2"));
    store.downgradeToWarn("s", "ops-webhook", "alert StageEnforceErrorSpike");
    activities.flipMode(
        new ModeFlipRequest("s", ValidationMode.ENFORCE, 10, "greenlight:r1", "retry"));

    assertEquals(List.of("null→enforce 50 v1", "warn→enforce 10 v3"), audit());
    assertEquals(3, store.read("s").orElseThrow().version());
  }

  /** Safety invariant 3: an ENFORCE flip never writes over a record the workflow did not write. */
  @Test
  void aConditionalEnforceFlipRefusesAWarnSomeoneElseWrote() {
    ModeFlipResult ours =
        activities.flipMode(
            new ModeFlipRequest("s", ValidationMode.ENFORCE, 10, "greenlight:r1", "step 1", 0L));
    store.downgradeToWarn("s", "ops-webhook", "alert StageEnforceErrorSpike");

    ModeFlipResult refused =
        activities.flipMode(
            new ModeFlipRequest(
                "s", ValidationMode.ENFORCE, 50, "greenlight:r1", "step 2", ours.version()));

    assertTrue(refused.refused());
    assertEquals(ValidationMode.WARN, refused.mode());
    assertEquals("ops-webhook", refused.changedBy());
    assertEquals(ValidationMode.WARN, store.read("s").orElseThrow().mode());
    assertEquals(List.of("null→enforce 10 v1"), audit());
  }

  /** A lost response: the retry finds its own write and succeeds without a second version. */
  @Test
  void aConditionalFlipRetriedAfterItLandedCountsItsOwnWrite() {
    ModeFlipRequest flip =
        new ModeFlipRequest("s", ValidationMode.ENFORCE, 10, "greenlight:r1", "step 1", 0L);
    ModeFlipResult first = activities.flipMode(flip);
    ModeFlipResult retried = activities.flipMode(flip);

    assertFalse(retried.refused());
    assertEquals(first.version(), retried.version());
  }

  /** The workflow's downgrade replaces a record nobody can read, as the webhook's does. */
  @Test
  void aDowngradeReplacesAnUnreadableRecordWithAVersionedAuditedWarn() {
    activities.flipMode(
        new ModeFlipRequest("s", ValidationMode.ENFORCE, 50, "greenlight:r1", "step 2"));
    var raw = redis.connect();
    raw.sync().hset(prefix + "mode:s", "changedAt", "yesterday");
    raw.close();

    ModeFlipResult warn =
        activities.flipMode(
            new ModeFlipRequest("s", ValidationMode.WARN, 0, "greenlight:r1", "rollback: alert"));
    assertEquals(ValidationMode.WARN, store.read("s").orElseThrow().mode());
    ModeFlipResult enforce =
        activities.flipMode(
            new ModeFlipRequest("s", ValidationMode.ENFORCE, 10, "greenlight:r1", "retry", 0L));

    assertEquals(ValidationMode.WARN, warn.mode());
    assertEquals(2, warn.version());
    assertEquals(List.of("null→enforce 50 v1", "null→warn 0 v2", "warn→enforce 10 v3"), audit());
    assertFalse(enforce.refused(), "the workflow's own warn is its last version");
  }

  /**
   * Nothing but warn is written over a record nobody can read: a conditional ENFORCE flip is
   * refused (the workflow downgrades first), and a flip from a rollout on the legacy loop, which
   * knows no refusal, fails rather than believe it landed.
   */
  @Test
  void anEnforceFlipOverAnUnreadableRecordIsRefusedOrFailsAndWritesNothing() {
    activities.flipMode(
        new ModeFlipRequest("s", ValidationMode.ENFORCE, 10, "greenlight:r1", "step 1", 0L));
    var raw = redis.connect();
    raw.sync().hset(prefix + "mode:s", "percent", "150");

    ModeFlipResult conditional =
        activities.flipMode(
            new ModeFlipRequest("s", ValidationMode.ENFORCE, 50, "greenlight:r1", "step 2", 1L));
    assertThrows(
        UnreadableModeRecordException.class,
        () ->
            activities.flipMode(
                new ModeFlipRequest("s", ValidationMode.ENFORCE, 50, "greenlight:r1", "legacy")));

    assertTrue(conditional.refused());
    assertTrue(conditional.reason().contains("cannot be read"), conditional.reason());
    assertEquals("150", raw.sync().hget(prefix + "mode:s", "percent"));
    raw.close();
    assertEquals(List.of("null→enforce 10 v1"), audit());
  }

  private List<String> audit() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT coalesce(old_mode, 'null') || '→' || new_mode || ' ' || new_percent || ' v' || version"
                        + " FROM mode_change_audit ORDER BY version")
                .mapTo(String.class)
                .list());
  }
}
