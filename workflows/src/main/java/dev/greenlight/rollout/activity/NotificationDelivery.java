package dev.greenlight.rollout.activity;

import dev.greenlight.rollout.plan.NotifySink;

/** Deliver {@code notification} to {@code sink}: one activity per sink, retried on its own. */
public record NotificationDelivery(NotifySink sink, Notification notification) {}
