package dev.greenlight.metrics;

import dev.greenlight.rollout.gates.Sample;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A metric source that reads a real Prometheus through its HTTP API: {@code /api/v1/query_range}
 * for ranges and {@code /api/v1/query} for instants.
 *
 * <p>No data is not an error: an empty result, NaN values and series Prometheus considers stale (it
 * drops them itself after a staleness marker or the 5-minute lookback) read as no samples or NaN.
 * Everything else that is not exactly one reading throws {@link MetricReadException} naming the
 * query: HTTP errors, API error bodies, malformed bodies, unreachable hosts, timeouts, and results
 * of more than one series (a gate needs one value; aggregate the query).
 *
 * <p>The caller builds the {@link OkHttpClient} once per process, sets its timeouts and closes it;
 * this class only issues calls on it. Thread-safe.
 */
public final class PrometheusMetricSource implements MetricSource {
  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final PrometheusResponseReader reader = new PrometheusResponseReader();

  /**
   * A source for the Prometheus at {@code baseUrl}, such as {@code http://127.0.0.1:9090}.
   *
   * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
   */
  public PrometheusMetricSource(OkHttpClient client, String baseUrl) {
    this.client = Objects.requireNonNull(client, "client must not be null");
    HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "Prometheus URL must be an http:// or https:// URL but was " + baseUrl);
    }
    this.baseUrl = parsed;
  }

  @Override
  public List<Sample> range(String query, Instant from, Instant to, Duration step) {
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("step must be positive but was " + step);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("range end " + to + " is before its start " + from);
    }
    FormBody form =
        new FormBody.Builder()
            .add("query", query)
            .add("start", seconds(from.toEpochMilli()))
            .add("end", seconds(to.toEpochMilli()))
            .add("step", seconds(step.toMillis()))
            .build();
    return reader.range(query, post("query_range", form, query));
  }

  @Override
  public double instant(String query, Instant at) {
    FormBody form =
        new FormBody.Builder().add("query", query).add("time", seconds(at.toEpochMilli())).build();
    return reader.instant(query, post("query", form, query));
  }

  /** Sends the form and returns the status and body; only transport failures throw here. */
  private PrometheusResponseReader.Reply post(String endpoint, FormBody form, String query) {
    HttpUrl url = baseUrl.newBuilder().addPathSegments("api/v1/" + endpoint).build();
    // POST keeps long PromQL out of URL length limits; Prometheus accepts both.
    Call call = client.newCall(new Request.Builder().url(url).post(form).build());
    try (Response response = call.execute()) {
      ResponseBody body = response.body();
      return new PrometheusResponseReader.Reply(response.code(), body == null ? "" : body.string());
    } catch (IOException e) {
      throw new MetricReadException(
          "Prometheus query '"
              + query
              + "' could not be read from "
              + url
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage())
              + (e instanceof SSLException
                  ? " (is "
                      + PrometheusConnection.CA_FILE
                      + " the CA that signed the server's certificate, and does the certificate"
                      + " name the URL's host?)"
                  : ""),
          e);
    }
  }

  /** Epoch milliseconds as the decimal seconds the API takes, never in exponent notation. */
  static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }
}
