package dev.greenlight.validator;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads metric values back from a registry's scrape, as Prometheus would see them. */
final class MetricValues {
  private MetricValues() {}

  /**
   * The counter's value for the labels (name, value, name, value …), 0 when the series is absent.
   */
  static double counter(PrometheusRegistry registry, String name, String... labels) {
    DataPointSnapshot point = find(registry, name, labels);
    return point == null ? 0 : ((CounterSnapshot.CounterDataPointSnapshot) point).getValue();
  }

  static double gauge(PrometheusRegistry registry, String name, String... labels) {
    DataPointSnapshot point = find(registry, name, labels);
    if (point == null) {
      throw new AssertionError("no gauge " + name + " with labels " + Labels.of(labels));
    }
    return ((GaugeSnapshot.GaugeDataPointSnapshot) point).getValue();
  }

  static long histogramCount(PrometheusRegistry registry, String name, String... labels) {
    DataPointSnapshot point = find(registry, name, labels);
    return point == null ? 0 : ((HistogramSnapshot.HistogramDataPointSnapshot) point).getCount();
  }

  /** The upper bounds of the histogram's classic buckets, ascending, {@code +Inf} last. */
  static double[] histogramUpperBounds(PrometheusRegistry registry, String name, String... labels) {
    DataPointSnapshot point = find(registry, name, labels);
    if (point == null) {
      throw new AssertionError("no histogram " + name + " with labels " + Labels.of(labels));
    }
    ClassicHistogramBuckets buckets =
        ((HistogramSnapshot.HistogramDataPointSnapshot) point).getClassicBuckets();
    double[] bounds = new double[buckets.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = buckets.getUpperBound(i);
    }
    return bounds;
  }

  /** The whole scrape in the Prometheus text format. */
  static String text(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static DataPointSnapshot find(
      PrometheusRegistry registry, String name, String... labels) {
    Labels wanted = Labels.of(labels);
    for (MetricSnapshot snapshot : registry.scrape()) {
      if (snapshot.getMetadata().getName().equals(name)) {
        for (DataPointSnapshot point : snapshot.getDataPoints()) {
          if (point.getLabels().equals(wanted)) {
            return point;
          }
        }
      }
    }
    return null;
  }
}
