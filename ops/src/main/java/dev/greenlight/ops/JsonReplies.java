package dev.greenlight.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes a JSON body with its status and closes the exchange: every answer of the webhook. */
final class JsonReplies {
  private final ObjectMapper mapper;

  JsonReplies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IOException("could not write reply " + body, e);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    exchange.close();
  }

  static Map<String, String> error(String code) {
    return Map.of("error", code);
  }

  static Map<String, String> error(String code, String detail) {
    return Map.of("error", code, "detail", detail);
  }
}
