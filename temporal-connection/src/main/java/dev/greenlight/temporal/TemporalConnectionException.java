package dev.greenlight.temporal;

/** The base of what goes wrong between a Greenlight process and Temporal's frontend. */
public class TemporalConnectionException extends RuntimeException {
  public TemporalConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
