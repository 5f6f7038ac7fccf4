package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ModeStore#write}, the one mode protocol: its rules alone, then racing other writers. */
class ModeStoreWriteTest {
  private static final String PREFIX = RedisFixture.randomPrefix();
  private static final String WORKFLOW = "greenlight:rollout-x";
  private final RedisClient client = RedisFixture.client();
  private final ModeStore store = new ModeStore(client, PREFIX);

  @AfterEach
  void disconnect() {
    store.close();
    client.shutdown();
  }

  /** Writes {@code value} into a field of {@code surface}'s record behind the store's back. */
  private void garble(String surface, String field, String value) {
    try (StatefulRedisConnection<String, String> raw = client.connect()) {
      raw.sync().hset(PREFIX + "mode:" + surface, field, value);
    }
  }

  private String stored(String surface, String field) {
    try (StatefulRedisConnection<String, String> raw = client.connect()) {
      return raw.sync().hget(PREFIX + "mode:" + surface, field);
    }
  }

  private static ModeChange enforce(int percent, String by) {
    return new ModeChange(ValidationMode.ENFORCE, percent, by, percent + " %");
  }

  private static ModeChange warn(String by) {
    return new ModeChange(ValidationMode.WARN, 0, by, "downgrade");
  }

  @Test
  void writesTheNextVersionAndReportsTheRecordItReplaced() {
    ModeWrite first = store.write("next", enforce(10, WORKFLOW), ModeWriteRule.overAny());
    ModeWrite second = store.write("next", enforce(50, WORKFLOW), ModeWriteRule.overOurs(1));

    assertEquals(ModeWrite.Outcome.WRITTEN, first.outcome());
    assertTrue(first.found().isEmpty());
    assertEquals(ModeWrite.Outcome.WRITTEN, second.outcome());
    assertEquals(1, second.found().orElseThrow().version());
    assertEquals(2, second.stored().orElseThrow().version());
    assertEquals(2, store.history("next", 10).size());
  }

  @Test
  void aRetryOfOurOwnWriteWritesNoSecondVersion() {
    store.write("retry", enforce(10, WORKFLOW), ModeWriteRule.overOurs(0));
    ModeWrite again = store.write("retry", enforce(10, WORKFLOW), ModeWriteRule.overOurs(0));

    assertEquals(ModeWrite.Outcome.ALREADY_SET, again.outcome());
    assertEquals(1, again.stored().orElseThrow().version());
    assertEquals(1, store.history("retry", 10).size());
  }

  /** Safety invariant 3: a conditional write never swallows someone else's downgrade. */
  @Test
  void aConditionalWriteRefusesARecordSomeoneElseWrote() {
    store.write("foreign", enforce(10, WORKFLOW), ModeWriteRule.overOurs(0));
    store.write("foreign", warn("ops-webhook"), ModeWriteRule.overAny());

    ModeWrite byVersion = store.write("foreign", enforce(50, WORKFLOW), ModeWriteRule.overOurs(1));
    ModeWrite byWriter = store.write("foreign", enforce(50, WORKFLOW), ModeWriteRule.overOurs(0));
    ModeWrite sameValue = store.write("foreign", warn(WORKFLOW), ModeWriteRule.overOurs(1));

    for (ModeWrite refused : List.of(byVersion, byWriter, sameValue)) {
      assertEquals(ModeWrite.Outcome.REFUSED, refused.outcome());
      assertEquals("ops-webhook", refused.found().orElseThrow().changedBy());
    }
    assertEquals(ValidationMode.WARN, store.read("foreign").orElseThrow().mode());
    assertEquals(2, store.read("foreign").orElseThrow().version());
  }

  @Test
  void anUnconditionalWriteOfWhatIsStoredWritesNothing() {
    store.write("same", warn("ops-webhook"), ModeWriteRule.overAny());
    ModeWrite lever = store.write("same", warn("alice"), ModeWriteRule.overAny());

    assertEquals(ModeWrite.Outcome.ALREADY_SET, lever.outcome());
    assertEquals("ops-webhook", lever.stored().orElseThrow().changedBy());
  }

  @Test
  void warnReplacesAnUnreadableRecordAndNothingElseWritesOverIt() {
    store.write("garbled", enforce(50, WORKFLOW), ModeWriteRule.overAny());
    garble("garbled", "percent", "150");

    assertThrows(
        UnreadableModeRecordException.class,
        () -> store.write("garbled", enforce(10, WORKFLOW), ModeWriteRule.overAny()));
    assertThrows(
        UnreadableModeRecordException.class,
        () ->
            store.write(
                "garbled",
                new ModeChange(ValidationMode.OFF, 0, "alice", "off"),
                ModeWriteRule.overAny()));
    assertEquals("150", stored("garbled", "percent"));

    ModeWrite replaced = store.write("garbled", warn("alice"), ModeWriteRule.overOurs(1));
    assertEquals(ModeWrite.Outcome.REPLACED_UNREADABLE, replaced.outcome());
    assertTrue(replaced.replacedProblem().orElseThrow().contains("'150'"));
    assertEquals(2, store.read("garbled").orElseThrow().version());
    assertEquals(ValidationMode.WARN, store.read("garbled").orElseThrow().mode());
  }

  /**
   * Each lost compare-and-set means another writer landed, so as many writers as there are
   * attempts, each writing once at the same moment, all land: the retry is what makes them.
   */
  @Test
  void asManyWritersAsAttemptsAllLandWhenTheyWriteAtOnce() throws Exception {
    int rounds = 10;
    for (int round = 0; round < rounds; round++) {
      String surface = "crowd-" + round;
      List<Callable<ModeWrite>> writers = new ArrayList<>();
      for (int w = 0; w < ModeStore.WRITE_ATTEMPTS; w++) {
        ModeChange change = enforce(w + 1, "writer-" + w);
        writers.add(() -> store.write(surface, change, ModeWriteRule.overAny()));
      }
      for (ModeWrite write : race(writers)) {
        assertEquals(ModeWrite.Outcome.WRITTEN, write.outcome(), surface);
      }
      assertEquals(ModeStore.WRITE_ATTEMPTS, store.read(surface).orElseThrow().version());
      assertEquals(ModeStore.WRITE_ATTEMPTS, store.history(surface, 10).size());
    }
  }

  /**
   * The webhook's downgrade and the rollout's next ENFORCE step at the same moment: whichever lands
   * first, warn is what stays — the rollout's step either lands before the downgrade or is refused.
   */
  @Test
  void aDowngradeRacingAConditionalEnforceIsNeverOverwritten() throws Exception {
    for (int round = 0; round < 20; round++) {
      String surface = "downgrade-race-" + round;
      long ours =
          store
              .write(surface, enforce(10, WORKFLOW), ModeWriteRule.overOurs(0))
              .stored()
              .orElseThrow()
              .version();
      List<ModeWrite> outcomes =
          race(
              List.of(
                  () -> store.write(surface, enforce(50, WORKFLOW), ModeWriteRule.overOurs(ours)),
                  () -> store.write(surface, warn("ops-webhook"), ModeWriteRule.overAny())));

      assertEquals(ModeWrite.Outcome.WRITTEN, outcomes.get(1).outcome(), surface);
      ModeRecord stored = store.read(surface).orElseThrow();
      assertEquals(ValidationMode.WARN, stored.mode(), surface);
      assertEquals("ops-webhook", stored.changedBy(), surface);
      ModeWrite.Outcome enforced = outcomes.get(0).outcome();
      assertTrue(
          enforced == ModeWrite.Outcome.WRITTEN && stored.version() == 3
              || enforced == ModeWrite.Outcome.REFUSED && stored.version() == 2,
          surface + ": " + enforced + " then version " + stored.version());
    }
  }

  /** Runs every writer on its own thread, all released at one moment; outcomes in order. */
  private List<ModeWrite> race(List<Callable<ModeWrite>> writers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ModeWrite>> futures = new ArrayList<>();
      for (Callable<ModeWrite> writer : writers) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return writer.call();
                }));
      }
      go.countDown();
      List<ModeWrite> outcomes = new ArrayList<>();
      for (Future<ModeWrite> future : futures) {
        outcomes.add(future.get(20, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
