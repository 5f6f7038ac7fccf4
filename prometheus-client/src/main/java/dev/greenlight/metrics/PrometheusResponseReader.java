package dev.greenlight.metrics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.rollout.gates.Sample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reading of a Prometheus HTTP API reply: a {@code vector}, {@code matrix} or {@code scalar}
 * result becomes samples or a value; an error status, an error body or a body that is not the API's
 * JSON becomes a {@link MetricReadException} naming the query, the HTTP status and Prometheus' own
 * {@code errorType} and {@code error}. Stateless and thread-safe.
 */
final class PrometheusResponseReader {
  private static final int MAX_QUOTED_BODY = 200;

  /** One HTTP reply: its status code and its body. */
  record Reply(int status, String body) {}

  private final ObjectMapper mapper =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  /** The samples of a range reply; NaN points are left out, so they count as missing. */
  List<Sample> range(String query, Reply reply) {
    JsonNode data = successData(query, reply);
    String type = data.path("resultType").asText();
    List<Sample> samples = new ArrayList<>();
    switch (type) {
      case "matrix", "vector" -> {
        JsonNode series = singleSeries(query, reply, data.path("result"));
        if (series == null) {
          return List.of();
        }
        JsonNode points =
            type.equals("matrix") ? series.path("values") : arrayOf(series.path("value"));
        for (JsonNode point : points) {
          addUnlessNaN(samples, query, reply, point);
        }
      }
      case "scalar" -> addUnlessNaN(samples, query, reply, data.path("result"));
      default -> throw unexpected(query, reply, "result type '" + type + "'");
    }
    return List.copyOf(samples);
  }

  /** The value of an instant reply, NaN when there is none. */
  double instant(String query, Reply reply) {
    JsonNode data = successData(query, reply);
    String type = data.path("resultType").asText();
    return switch (type) {
      case "vector" -> {
        JsonNode series = singleSeries(query, reply, data.path("result"));
        yield series == null ? Double.NaN : point(query, reply, series.path("value")).value();
      }
      case "scalar" -> point(query, reply, data.path("result")).value();
      default -> throw unexpected(query, reply, "result type '" + type + "'");
    };
  }

  /** The {@code data} object of a successful reply, or the exception that says what went wrong. */
  private JsonNode successData(String query, Reply reply) {
    JsonNode root;
    try {
      root = mapper.readTree(reply.body());
    } catch (IOException e) {
      root = null;
    }
    boolean isApiJson = root != null && root.isObject() && root.has("status");
    if (reply.status() < 200 || reply.status() > 299 || !isApiJson) {
      String detail =
          isApiJson
              ? root.path("errorType").asText("unknown") + ": " + root.path("error").asText("")
              : "body is not Prometheus API JSON: " + quote(reply.body());
      throw new MetricReadException(
          "Prometheus query '"
              + query
              + "' failed with HTTP "
              + reply.status()
              + ", "
              + detail
              + credentialsHint(reply.status()));
    }
    if (!"success".equals(root.path("status").asText())) {
      throw new MetricReadException(
          "Prometheus query '"
              + query
              + "' failed with HTTP "
              + reply.status()
              + ", status "
              + root.path("status").asText()
              + ", "
              + root.path("errorType").asText("unknown")
              + ": "
              + root.path("error").asText(""));
    }
    JsonNode data = root.path("data");
    if (!data.isObject()) {
      throw unexpected(query, reply, "no data object");
    }
    return data;
  }

  /** The only series of a result, null for none; more than one cannot be a gate's reading. */
  private JsonNode singleSeries(String query, Reply reply, JsonNode result) {
    if (!result.isArray()) {
      throw unexpected(query, reply, "result is not a list");
    }
    if (result.size() > 1) {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < Math.min(3, result.size()); i++) {
        labels.add(result.get(i).path("metric").toString());
      }
      throw new MetricReadException(
          "Prometheus query '"
              + query
              + "' returned "
              + result.size()
              + " series (first "
              + labels
              + ") but a gate needs exactly one value: aggregate the query, e.g. with sum()");
    }
    return result.isEmpty() ? null : result.get(0);
  }

  private void addUnlessNaN(List<Sample> samples, String query, Reply reply, JsonNode point) {
    Sample sample = point(query, reply, point);
    if (!Double.isNaN(sample.value())) {
      samples.add(sample);
    }
  }

  /** A {@code [<unix seconds>, "<value>"]} pair. */
  private Sample point(String query, Reply reply, JsonNode point) {
    if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber()) {
      throw unexpected(query, reply, "sample " + point + " is not [time, \"value\"]");
    }
    long millis = Math.round(point.get(0).asDouble() * 1000);
    String text = point.get(1).asText();
    return new Sample(millis, parseValue(query, reply, text));
  }

  private double parseValue(String query, Reply reply, String text) {
    // Prometheus spells infinities the Go way, which Double.parseDouble does not accept.
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw unexpected(query, reply, "value '" + text + "' is not a number");
        }
      }
    };
  }

  private JsonNode arrayOf(JsonNode single) {
    return mapper.createArrayNode().add(single);
  }

  private MetricReadException unexpected(String query, Reply reply, String what) {
    return new MetricReadException(
        "Prometheus query '"
            + query
            + "' answered HTTP "
            + reply.status()
            + " with an unreadable result: "
            + what);
  }

  /** What to check when Prometheus, or a proxy in front of it, refuses the request's identity. */
  private static String credentialsHint(int status) {
    if (status != 401 && status != 403) {
      return "";
    }
    return " (the credentials were "
        + (status == 401 ? "missing or wrong" : "refused")
        + ": check "
        + PrometheusConnection.BEARER_TOKEN_FILE
        + ", or "
        + PrometheusConnection.USERNAME
        + " and "
        + PrometheusConnection.PASSWORD_FILE
        + ")";
  }

  private static String quote(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return "(empty)";
    }
    return "'"
        + (trimmed.length() > MAX_QUOTED_BODY
            ? trimmed.substring(0, MAX_QUOTED_BODY) + "…"
            : trimmed)
        + "'";
  }
}
