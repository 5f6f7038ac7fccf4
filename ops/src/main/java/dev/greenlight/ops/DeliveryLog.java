package dev.greenlight.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deliveries the webhook handled recently, so that a duplicate (Alertmanager delivers at least
 * once, and every peer of an HA pair delivers) is acknowledged without acting twice.
 *
 * <p>A delivery is first <em>claimed</em>; only a claim that succeeds acts. Any failure while
 * acting releases its claim, so the retry Alertmanager sends after a 5xx acts again. Entries expire
 * after the window, and the oldest are dropped beyond {@code capacity}: memory stays bounded
 * whatever arrives. Thread-safe.
 */
final class DeliveryLog {
  private final Clock clock;
  private final long windowMillis;
  private final int capacity;
  private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>(); // guarded by this

  DeliveryLog(Clock clock, Duration window, int capacity) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.capacity = capacity;
  }

  /** Claims {@code key}; false when it was claimed within the window (a duplicate). */
  synchronized boolean claim(String key) {
    long now = clock.millis();
    expireUpTo(now);
    Long expiry = expiries.get(key);
    if (expiry != null && expiry > now) {
      return false;
    }
    expiries.put(key, now + windowMillis);
    if (expiries.size() > capacity) {
      Iterator<Map.Entry<String, Long>> oldest = expiries.entrySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** Gives up a claim whose action failed, so a retry of the same delivery acts. */
  synchronized void release(String key) {
    expiries.remove(key);
  }

  synchronized int size() {
    return expiries.size();
  }

  private void expireUpTo(long now) {
    // Insertion order is expiry order: every entry gets the same window.
    Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
    while (it.hasNext() && it.next().getValue() <= now) {
      it.remove();
    }
  }
}
