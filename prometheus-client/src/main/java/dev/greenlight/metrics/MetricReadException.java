package dev.greenlight.metrics;

/** A metric read that produced no reading: the source failed, refused or could not be reached. */
public class MetricReadException extends RuntimeException {
  public MetricReadException(String message) {
    super(message);
  }

  public MetricReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
