package dev.greenlight.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.NotifySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A webhook receiver on loopback for rollout tests: records every delivery and answers 200, or 503
 * while it is down, or 503 to the first attempt of the notifications a test picks.
 */
final class NotifyReceiver implements AutoCloseable {
  /** One request as received. */
  record Delivery(String path, String id, String timestamp, String signature, JsonNode body) {}

  private final MockWebServer server = new MockWebServer();
  private final ObjectMapper json = new ObjectMapper();
  private final List<Delivery> received = new CopyOnWriteArrayList<>();
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private volatile boolean down;
  private volatile Predicate<String> failFirstAttempt = id -> false;

  NotifyReceiver() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String id = request.getHeader("webhook-id");
            try {
              received.add(
                  new Delivery(
                      request.getPath(),
                      id,
                      request.getHeader("webhook-timestamp"),
                      request.getHeader("webhook-signature"),
                      json.readTree(request.getBody().readUtf8())));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            boolean fail =
                down || (failFirstAttempt.test(id) && failedOnce.add(request.getPath() + " " + id));
            return new MockResponse().setResponseCode(fail ? 503 : 200);
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sink posting to {@code path} on this receiver. */
  NotifySink sink(
      String name, NotifySink.Kind kind, String path, String secretEnv, List<NotifyEvent> events) {
    return new NotifySink(
        name, kind, server.url(path).toString(), null, null, secretEnv, null, events, null);
  }

  /** Answers 503 to everything from now on. */
  void goDown() {
    down = true;
  }

  /** Answers 503 to the first attempt of each notification whose id matches, at each path. */
  void failFirstAttemptOf(Predicate<String> ids) {
    failFirstAttempt = ids;
  }

  /** Every delivery to {@code path}, in the order received. */
  List<Delivery> at(String path) {
    return received.stream().filter(d -> d.path().equals(path)).toList();
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
