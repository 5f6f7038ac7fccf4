package dev.greenlight.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModeStoreRaceTest {
  private static final int ROUNDS = 20;

  @Test
  void twoWritersRaceACompareAndSetAndExactlyOneWins() throws Exception {
    String prefix = RedisFixture.randomPrefix();
    RedisClient clientA = RedisFixture.client();
    RedisClient clientB = RedisFixture.client();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try (ModeStore storeA = new ModeStore(clientA, prefix);
        ModeStore storeB = new ModeStore(clientB, prefix)) {
      for (int round = 0; round < ROUNDS; round++) {
        long expected = storeA.read("race").map(ModeRecord::version).orElse(0L);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> outcomes = new ArrayList<>();
        for (ModeStore store : List.of(storeA, storeB)) {
          ModeChange change =
              new ModeChange(ValidationMode.ENFORCE, round, "writer-" + outcomes.size(), "race");
          outcomes.add(
              writers.submit(
                  () -> {
                    go.await();
                    try {
                      return store.compareAndSet("race", expected, change);
                    } catch (StaleModeVersionException e) {
                      return e;
                    }
                  }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Object> outcome : outcomes) {
          Object result = outcome.get(10, TimeUnit.SECONDS);
          if (result instanceof ModeRecord record) {
            wins++;
            assertEquals(expected + 1, record.version());
          } else {
            StaleModeVersionException e = (StaleModeVersionException) result;
            String named = "mode version " + expected + " is stale, current is " + (expected + 1);
            assertTrue(e.getMessage().startsWith(named), e.getMessage());
          }
        }
        assertEquals(1, wins, "round " + round);
      }
      assertEquals(ROUNDS, storeB.read("race").orElseThrow().version());
      assertEquals(ROUNDS, storeB.history("race", 100).size());
    } finally {
      writers.shutdownNow();
      clientA.shutdown();
      clientB.shutdown();
    }
  }
}
