package dev.greenlight.referenceapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples parsed from a Prometheus text-format scrape, looked up by name and labels. */
final class ScrapedMetrics {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  private record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private ScrapedMetrics(List<Sample> samples) {
    this.samples = samples;
  }

  static ScrapedMetrics parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new ScrapedMetrics(samples);
  }

  /** The sum over samples named {@code name} whose labels include all of {@code labels}. */
  double sum(String name, String... labels) {
    double total = 0;
    for (Sample sample : samples) {
      if (sample.name.equals(name) && matches(sample.labels, labels)) {
        total += sample.value;
      }
    }
    return total;
  }

  private static boolean matches(Map<String, String> have, String[] wanted) {
    for (int i = 0; i < wanted.length; i += 2) {
      if (!wanted[i + 1].equals(have.get(wanted[i]))) {
        return false;
      }
    }
    return true;
  }
}
