package dev.greenlight.validator;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis key prefix of the mode store, read under one name by every process that shares the mode
 * record — the worker that flips it, the webhook that downgrades it and the API that follows it —
 * because a process reading another prefix would follow a record nobody writes.
 *
 * <p>{@value #ENV} is the name. {@value #DEPRECATED_ENV}, which the reference API read before, is
 * still honoured with a warning, so a deployment that set only it keeps following the rollout; set
 * to a different value than {@value #ENV}, it is refused.
 */
public final class ModeKeyPrefix {
  public static final String ENV = "GREENLIGHT_REDIS_PREFIX";

  /** The reference API's former name for {@link #ENV}; read with a warning. */
  public static final String DEPRECATED_ENV = "GREENLIGHT_KEY_PREFIX";

  public static final String DEFAULT = "greenlight:";

  private static final Logger log = LoggerFactory.getLogger(ModeKeyPrefix.class);

  private ModeKeyPrefix() {}

  /**
   * The prefix {@code env} sets, {@value #DEFAULT} when it sets none.
   *
   * @throws IllegalArgumentException when both names are set to different prefixes
   */
  public static String fromEnv(Map<String, String> env) {
    String current = blankToNull(env.get(ENV));
    String deprecated = blankToNull(env.get(DEPRECATED_ENV));
    if (deprecated == null) {
      return current == null ? DEFAULT : current;
    }
    if (current != null && !current.equals(deprecated)) {
      throw new IllegalArgumentException(
          ENV
              + " is '"
              + current
              + "' but "
              + DEPRECATED_ENV
              + " is '"
              + deprecated
              + "': they name one setting, so they must agree; set only "
              + ENV);
    }
    log.warn(
        "event=deprecated-setting name={} use={}: it is read as {} for now",
        DEPRECATED_ENV,
        ENV,
        ENV);
    return deprecated;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
