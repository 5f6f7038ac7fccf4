package dev.greenlight.temporal;

/**
 * A Temporal setting is unusable: a profile that is not in the file, a certificate file that does
 * not exist, a word where true or false belongs. The message names the setting, its value and the
 * rule; nothing was connected.
 */
public final class InvalidTemporalSettingsException extends TemporalConnectionException {
  public InvalidTemporalSettingsException(String message) {
    super(message, null);
  }

  public InvalidTemporalSettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
