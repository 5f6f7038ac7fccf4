package dev.greenlight.referenceapi;

import java.util.Set;

/**
 * The names of the runbook's three validated endpoints, as they appear in the {@code endpoint}
 * label of every metric and in the rollout plan's {@code endpoints} list.
 */
public final class Endpoints {
  /** {@code POST /companies}. */
  public static final String CREATE = "create-company";

  /** {@code PATCH /companies/{id}}. */
  public static final String UPDATE = "update-company";

  /** {@code GET /companies?stage=…}. */
  public static final String LIST = "list-companies-by-stage";

  /** Any other path, so the HTTP metric's labels stay bounded whatever clients send. */
  static final String OTHER = "other";

  /** {@code GET /metrics}. */
  static final String METRICS = "metrics";

  public static final Set<String> VALIDATED = Set.of(CREATE, UPDATE, LIST);

  private Endpoints() {}
}
