package dev.greenlight.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One scrape of a {@code /metrics} page, read the way a person reads it: by series name. */
final class MetricsText {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String text;

  private MetricsText(String text) {
    this.text = text;
  }

  /** Scrapes {@code base}/metrics; null when nothing answers. */
  static MetricsText scrape(URI base) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(base.resolve("/metrics"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? new MetricsText(response.body()) : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** The sum of every sample of {@code name} whose labels contain {@code labelText}. */
  double sum(String name, String labelText) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        int space = line.lastIndexOf(' ');
        if (line.substring(0, space).contains(labelText)) {
          total += Double.parseDouble(line.substring(space + 1));
        }
      }
    }
    return total;
  }
}
