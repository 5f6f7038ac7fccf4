package dev.greenlight.referenceapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The API's JSON reading and writing, on one shared, thread-safe {@link ObjectMapper}. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The body as a JSON object, or null when it is not one. */
  static ObjectNode parseObject(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node instanceof ObjectNode object ? object : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  static String company(Company company) {
    return write(
        Map.of("id", company.id(), "name", company.name(), "stage", nullable(company.stage())));
  }

  static String companies(List<Company> companies) {
    return write(
        Map.of(
            "companies",
            companies.stream()
                .map(c -> Map.of("id", c.id(), "name", c.name(), "stage", nullable(c.stage())))
                .toList()));
  }

  static String object(String k1, String v1, String k2, String v2) {
    return write(Map.of(k1, v1, k2, v2));
  }

  private static Object nullable(String value) {
    return value == null ? MAPPER.nullNode() : value;
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and numbers must serialize", e);
    }
  }
}
