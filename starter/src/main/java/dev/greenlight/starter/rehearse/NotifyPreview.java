package dev.greenlight.starter.rehearse;

import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.rollout.plan.NotifySink;
import dev.greenlight.rollout.plan.NotifySpec;
import dev.greenlight.rollout.plan.RolloutPlan;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a rehearsal sends instead of the plan's notifications: nothing, or — with {@code
 * --notify-url} — every event the plan's sinks would be sent, to one Slack-compatible webhook, so a
 * team can see in its channel what the rollout will tell it. A rehearsal never posts to the plan's
 * own sinks: rehearsing must not page anyone.
 */
public final class NotifyPreview {
  /** The preview sink's name, shown in activity summaries. */
  static final String SINK = "rehearsal-preview";

  private NotifyPreview() {}

  /**
   * @param url the preview webhook, or null for no notifications
   * @throws IllegalArgumentException naming the value when {@code url} is not an http(s) URL
   */
  public static RolloutPlan apply(RolloutPlan plan, String url) {
    if (url == null) {
      return plan.withNotifications(null);
    }
    check(url);
    return plan.withNotifications(
        new NotifySpec(
            List.of(
                new NotifySink(
                    SINK,
                    NotifySink.Kind.SLACK,
                    url,
                    null,
                    null,
                    null,
                    null,
                    List.copyOf(eventsOf(plan)),
                    null))));
  }

  /** Every event any of the plan's sinks is sent; the defaults when the plan has none. */
  static Set<NotifyEvent> eventsOf(RolloutPlan plan) {
    if (!plan.notifies()) {
      return NotifyEvent.DEFAULTS;
    }
    Set<NotifyEvent> events = EnumSet.noneOf(NotifyEvent.class);
    for (NotifySink sink : plan.notifications().sinks()) {
      for (NotifyEvent event : NotifyEvent.values()) {
        if (sink.sends(event)) {
          events.add(event);
        }
      }
    }
    return events;
  }

  private static void check(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return;
      }
    } catch (java.net.URISyntaxException e) {
      // Reported below.
    }
    throw new IllegalArgumentException("--notify-url must be an http or https URL but was " + url);
  }
}
