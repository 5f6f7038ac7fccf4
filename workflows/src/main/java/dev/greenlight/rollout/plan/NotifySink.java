package dev.greenlight.rollout.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One place a rollout's notifications go: a Slack-compatible incoming webhook or a generic JSON
 * webhook, signed the Standard Webhooks way when a secret is named.
 *
 * <p>A plan never holds a secret: the URL is either written here (for an endpoint whose URL is not
 * itself a credential) or named by an environment variable or a file the worker reads at each
 * delivery, and so is the signing secret ({@code whsec_<base64>}).
 *
 * @param name a short name, unique in the plan, shown in status and activity summaries
 * @param kind {@code slack} ({@code {"text": …}}) or {@code json} (the documented payload)
 * @param url the endpoint, when it is not a secret; exactly one of url, urlEnv, urlFile
 * @param urlEnv the worker's environment variable holding the endpoint
 * @param urlFile a file on the worker holding the endpoint
 * @param secretEnv the worker's environment variable holding the signing secret, or null
 * @param secretFile a file on the worker holding the signing secret, or null
 * @param events what to send; null sends {@link NotifyEvent#DEFAULTS}
 * @param blocks for {@code slack}: add Block Kit blocks beside the text (default false)
 */
public record NotifySink(
    String name,
    Kind kind,
    String url,
    String urlEnv,
    String urlFile,
    String secretEnv,
    String secretFile,
    List<NotifyEvent> events,
    Boolean blocks) {
  public NotifySink {
    events = events == null ? null : List.copyOf(events);
  }

  /** The payload a sink is sent. */
  public enum Kind {
    /** {@code {"text": …}}, optionally with {@code blocks}: Slack, Mattermost, Rocket.Chat. */
    @JsonProperty("slack")
    SLACK,
    /** {@code {"type", "timestamp", "data"}}, documented in docs/ARCHITECTURE.md. */
    @JsonProperty("json")
    JSON
  }

  /** Whether this sink is sent {@code event}. */
  public boolean sends(NotifyEvent event) {
    return events == null ? NotifyEvent.DEFAULTS.contains(event) : events.contains(event);
  }

  public boolean withBlocks() {
    return blocks != null && blocks;
  }

  /** Whether deliveries to this sink carry a Standard Webhooks signature. */
  public boolean signed() {
    return secretEnv != null || secretFile != null;
  }
}
