package dev.greenlight.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A minimal Chrome DevTools protocol client: one WebSocket to one page target, commands sent as
 * JSON with an id and answered by the reply with that id. Events are ignored: callers poll the page
 * instead, which keeps this small and bounded in time. Closing closes the socket.
 */
final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient http;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Duration timeout;

  private DevTools(OkHttpClient http, String webSocketUrl, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
    this.socket = http.newWebSocket(new Request.Builder().url(webSocketUrl).build(), new Replies());
  }

  /**
   * Connects to a target's {@code webSocketDebuggerUrl}; every command waits at most {@code
   * timeout}.
   */
  static DevTools connect(OkHttpClient http, String webSocketUrl, Duration timeout) {
    return new DevTools(http, webSocketUrl, timeout);
  }

  ObjectNode params() {
    return JSON.createObjectNode();
  }

  /**
   * Sends {@code method} and returns its {@code result}.
   *
   * @throws IllegalStateException on a protocol error (with its message), a closed socket or no
   *     answer within the timeout
   */
  JsonNode call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (!socket.send(message.toString())) {
      pending.remove(id);
      throw new IllegalStateException("DevTools socket closed; cannot send " + method);
    }
    try {
      JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.path("result");
    } catch (TimeoutException e) {
      throw new IllegalStateException(method + ": no answer within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(method + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method, e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void close() {
    socket.close(1000, "done");
    pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
  }

  private final class Replies extends WebSocketListener {
    @Override
    public void onMessage(WebSocket webSocket, String text) {
      try {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
          if (reply != null) {
            reply.complete(message);
          }
        }
      } catch (Exception e) {
        // A message we cannot read answers nothing we wait for; the waiter times out and says so.
      }
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      pending.values().forEach(f -> f.completeExceptionally(t));
    }
  }
}
