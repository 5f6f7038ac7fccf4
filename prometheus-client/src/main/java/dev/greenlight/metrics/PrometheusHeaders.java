package dev.greenlight.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Request;

/**
 * Extra HTTP headers sent with every Prometheus request, such as the tenant header {@code
 * X-Scope-OrgID} of Mimir, Cortex and Loki, or {@code THANOS-TENANT}. Written as {@code Name:
 * value} pairs separated by {@code ;}: {@code X-Scope-OrgID: team-a; X-Team: payments}.
 *
 * <p>A header value may be a secret (some gateways take an API key in a header of their own), so
 * {@link #toString()} and every error name headers by their position or name only. Immutable.
 */
final class PrometheusHeaders {
  /** Headers the HTTP client owns; set by hand they would be ignored or break the request. */
  private static final Set<String> RESERVED =
      Set.of("host", "content-length", "content-type", "transfer-encoding", "connection");

  private record Header(String name, String value) {}

  private final List<Header> headers;

  private PrometheusHeaders(List<Header> headers) {
    this.headers = List.copyOf(headers);
  }

  static PrometheusHeaders none() {
    return new PrometheusHeaders(List.of());
  }

  /**
   * The headers in {@code text}, the value of setting {@code setting}. Empty pairs (a trailing
   * {@code ;}) are skipped.
   *
   * @throws InvalidPrometheusSettingException naming the setting, the pair's position and the rule
   */
  static PrometheusHeaders parse(String setting, String text) {
    List<Header> headers = new ArrayList<>();
    String[] pairs = text.split(";");
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i].strip();
      if (pair.isEmpty()) {
        continue;
      }
      String where = setting + " pair " + (i + 1);
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new InvalidPrometheusSettingException(
            where
                + " has no ':': write 'Name: value' pairs separated by ';',"
                + " e.g. 'X-Scope-OrgID: team-a'");
      }
      String name = pair.substring(0, colon).strip();
      String value = pair.substring(colon + 1).strip();
      if (!isToken(name)) {
        throw new InvalidPrometheusSettingException(
            // Not quoted: a malformed pair may be a secret pasted in the wrong place.
            where
                + " has a header name that is empty or not a valid HTTP header name (letters,"
                + " digits and !#$%&'*+-.^_`|~ only)");
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidPrometheusSettingException(
            where + " sets " + name + ", which the HTTP client sets itself; leave it out");
      }
      if (value.isEmpty()) {
        throw new InvalidPrometheusSettingException(where + " (" + name + ") has an empty value");
      }
      if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
        // OkHttp would refuse it too, but its message quotes the value.
        throw new InvalidPrometheusSettingException(
            where
                + " ("
                + name
                + ") has a value with a control or non-ASCII character; HTTP header values must"
                + " be printable ASCII");
      }
      headers.add(new Header(name, value));
    }
    return new PrometheusHeaders(headers);
  }

  boolean contains(String name) {
    return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
  }

  boolean isEmpty() {
    return headers.isEmpty();
  }

  void addTo(Request.Builder request) {
    headers.forEach(h -> request.header(h.name(), h.value()));
  }

  /** The header names, never their values. */
  @Override
  public String toString() {
    return headers.stream().map(Header::name).toList().toString();
  }

  /** An RFC 9110 token: the characters a header name may have. */
  private static boolean isToken(String name) {
    return !name.isEmpty()
        && name.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
  }
}
