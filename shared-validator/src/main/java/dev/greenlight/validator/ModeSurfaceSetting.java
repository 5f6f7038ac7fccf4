package dev.greenlight.validator;

import java.util.Map;

/**
 * The mode surface every process that shares the rollout's mode record names — the worker's plan,
 * the webhook that downgrades it, the CLI's lever and the reference API that follows it — read
 * under one environment variable with one default, because a process naming another surface would
 * follow or write a record nobody else uses.
 */
public final class ModeSurfaceSetting {
  public static final String ENV = "GREENLIGHT_SURFACE";

  /** The surface of the v3.4 stage-normalization plan. */
  public static final String DEFAULT = "stage-validation";

  private ModeSurfaceSetting() {}

  /** The surface {@code env} sets, {@value #DEFAULT} when it sets none. */
  public static String fromEnv(Map<String, String> env) {
    String value = env.get(ENV);
    return value == null || value.isBlank() ? DEFAULT : value.trim();
  }
}
