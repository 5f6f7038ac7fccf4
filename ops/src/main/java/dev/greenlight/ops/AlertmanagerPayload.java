package dev.greenlight.ops;

import java.util.List;
import java.util.Map;

/**
 * The body Alertmanager POSTs to a webhook (payload version 4), with only the fields the webhook
 * uses; unknown fields are ignored, so newer Alertmanagers keep working.
 *
 * @param version payload version, "4" today
 * @param groupKey identifies the alert group; with the alerts, the key for duplicate detection
 * @param status "firing" or "resolved" for the group as a whole
 * @param alerts the alerts of the group
 */
record AlertmanagerPayload(String version, String groupKey, String status, List<Alert> alerts) {
  AlertmanagerPayload {
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
  }

  /**
   * One alert of the group.
   *
   * @param status "firing" or "resolved"
   * @param labels the alert's labels; {@code alertname}, {@code action} and {@code rollout} matter
   * @param annotations the alert's annotations; {@code summary} is forwarded
   * @param startsAt RFC 3339 time the alert started firing
   * @param fingerprint Alertmanager's stable hash of the labels
   */
  record Alert(
      String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      String startsAt,
      String fingerprint) {
    Alert {
      labels = labels == null ? Map.of() : labels;
      annotations = annotations == null ? Map.of() : annotations;
    }

    boolean isFiring() {
      return "firing".equals(status);
    }

    String label(String name) {
      return labels.get(name);
    }
  }
}
