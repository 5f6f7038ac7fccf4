package dev.greenlight.temporal;

/**
 * No Temporal frontend answered at the configured address, or one answered but the TLS handshake
 * failed. The message says which, and what to set.
 */
public final class TemporalUnavailableException extends TemporalConnectionException {
  public TemporalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
