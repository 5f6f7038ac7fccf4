package dev.greenlight.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request to the webhook and its reply, over Jetty: what the handlers see. The body is read
 * asynchronously under the {@link ReadDeadlines}, so a client trickling it holds no thread; every
 * reply is one write that completes the request. Used by one thread at a time.
 *
 * @param request the request as Jetty parsed it
 * @param response where the one reply is written
 * @param callback completed by the reply's write, failed by {@link #abort}
 * @param deadlines the server's read deadlines, which the body read is under
 * @param mapper writes JSON replies
 */
record WebhookExchange(
    Request request,
    Response response,
    Callback callback,
    ReadDeadlines deadlines,
    ObjectMapper mapper) {

  String method() {
    return request.getMethod();
  }

  /** The first value of header {@code name}, or null. */
  String header(String name) {
    return request.getHeaders().get(name);
  }

  /** The declared Content-Length, or -1 when the body is chunked or absent. */
  long declaredLength() {
    return request.getLength();
  }

  String remoteAddress() {
    return Request.getRemoteAddr(request);
  }

  /**
   * Reads the body without holding a thread while bytes trickle in, under the read deadline, and
   * completes on the server's executor: with the body, or failed when the client stops sending,
   * misses the deadline, or sends more than {@code limit} bytes ({@link BodyTooLargeException}).
   */
  CompletableFuture<byte[]> readBody(int limit) {
    deadlines.readingBody(request);
    CompletableFuture<byte[]> body = new CompletableFuture<>();
    // One byte over the limit tells a body that is too large from one that fits exactly.
    CompletableFuture<byte[]> read = Content.Source.asByteArrayAsync(request, limit + 1);
    BiConsumer<byte[], Throwable> settle =
        (bytes, failure) -> {
          deadlines.working(request);
          if (failure != null) {
            body.completeExceptionally(failure);
          } else if (bytes.length > limit) {
            body.completeExceptionally(new BodyTooLargeException());
          } else {
            body.complete(bytes);
          }
        };
    if (read.isDone()) {
      // The usual case: the body came with the headers. Go on on this handler thread.
      read.whenComplete(settle);
    } else {
      // The rest arrives later, on whatever thread Jetty reads it on: hop to the executor, since
      // what follows blocks on Redis and Temporal.
      read.whenCompleteAsync(settle, request.getComponents().getExecutor());
    }
    return body;
  }

  /** A body longer than the webhook reads. */
  static final class BodyTooLargeException extends RuntimeException {
    BodyTooLargeException() {
      super("request body too large", null, false, false);
    }
  }

  void setHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  /**
   * Answers without reading the rest of the body and closes the connection afterwards, so unread
   * bytes are never taken for the next request.
   */
  void refuse(int status, Map<String, ?> body) throws IOException {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    reply(status, body);
  }

  void reply(int status, Map<String, ?> body) throws IOException {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IOException("could not write reply " + body, e);
    }
    reply(status, "application/json", bytes);
  }

  void reply(int status, String contentType, byte[] bytes) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Gives the request up without a reply (the connection is gone or broken). */
  void abort(Throwable cause) {
    callback.failed(cause);
  }

  static Map<String, String> error(String code) {
    return Map.of("error", code);
  }

  static Map<String, String> error(String code, String detail) {
    return Map.of("error", code, "detail", detail);
  }
}
