package dev.greenlight.rollout.plan;

import java.util.List;

/**
 * The plan's {@code notify:} section: where a rollout tells people what it is doing. A plan without
 * it sends nothing and its workflow history is the same as before notifications existed.
 *
 * @param sinks every sink, each with its own events; at least one
 */
public record NotifySpec(List<NotifySink> sinks) {
  public NotifySpec {
    sinks = sinks == null ? null : List.copyOf(sinks);
  }
}
