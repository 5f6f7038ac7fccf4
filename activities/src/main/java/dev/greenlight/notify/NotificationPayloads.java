package dev.greenlight.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.rollout.activity.Notification;
import dev.greenlight.rollout.plan.NotifySink;
import java.time.Instant;

/**
 * The bodies a notification is sent as. Both are documented in docs/ARCHITECTURE.md
 * ("Notifications"); a change here is a change to a contract receivers parse.
 *
 * <ul>
 *   <li>{@code slack}: {@code {"text": …}}, and with {@code blocks: true} also a section and a
 *       context block — what Slack, Mattermost and Rocket.Chat incoming webhooks take.
 *   <li>{@code json}: Standard Webhooks' shape, {@code {"type": "rollout.<event>", "timestamp":
 *       <event time>, "data": {…}}}, with every field of the notification in {@code data}.
 * </ul>
 *
 * Thread-safe.
 */
public final class NotificationPayloads {
  private final ObjectMapper json = new ObjectMapper();
  private final String label;

  /**
   * @param label put in front of every Slack text as {@code [label]}, e.g. {@code rehearsal} for a
   *     preview; null for none
   */
  public NotificationPayloads(String label) {
    this.label = label;
  }

  /** The body for {@code sink}'s kind. */
  public String body(NotifySink sink, Notification n) {
    ObjectNode body = sink.kind() == NotifySink.Kind.SLACK ? slack(n, sink.withBlocks()) : json(n);
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  ObjectNode json(Notification n) {
    ObjectNode body = json.createObjectNode();
    body.put("type", "rollout." + n.event().wireName());
    body.put("timestamp", Instant.ofEpochMilli(n.atMillis()).toString());
    ObjectNode data = body.putObject("data");
    data.put("id", n.id());
    data.put("event", n.event().wireName());
    data.put("sequence", n.sequence());
    data.put("rollout", n.rollout());
    data.put("attempt", n.attempt());
    data.put("plan", n.plan());
    data.put("surface", n.surface());
    data.put("phase", n.phase() == null ? null : n.phase().name());
    data.put("mode", n.mode() == null ? null : n.mode().wireName());
    data.put("percent", n.percent());
    data.put("summary", n.summary());
    return body;
  }

  ObjectNode slack(Notification n, boolean blocks) {
    String headline = "*" + escape(n.plan()) + "*: " + title(n);
    String context =
        (n.phase() == null ? "" : n.phase().name() + " · ")
            + (n.mode() == null ? "mode unset" : n.mode().wireName() + " " + n.percent() + "%")
            + " · "
            + Instant.ofEpochMilli(n.atMillis())
            + " · "
            + escape(n.rollout())
            + " · id "
            + escape(n.id());
    ObjectNode body = json.createObjectNode();
    body.put(
        "text",
        (label == null ? "" : "[" + escape(label) + "] ")
            + headline
            + "\n"
            + escape(n.summary())
            + "\n_"
            + context
            + "_");
    if (blocks) {
      ArrayNode list = body.putArray("blocks");
      ObjectNode section = list.addObject().put("type", "section");
      section
          .putObject("text")
          .put("type", "mrkdwn")
          .put(
              "text",
              (label == null ? "" : "[" + escape(label) + "] ")
                  + headline
                  + "\n"
                  + escape(n.summary()));
      ArrayNode elements = list.addObject().put("type", "context").putArray("elements");
      elements.addObject().put("type", "mrkdwn").put("text", context);
    }
    return body;
  }

  private static String title(Notification n) {
    return n.event().wireName().replace('-', ' ');
  }

  /** Slack's three control characters in text; everything else is literal. */
  static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
