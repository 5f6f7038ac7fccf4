package dev.greenlight.rollout.activity;

import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.plan.NotifyEvent;
import dev.greenlight.validator.ValidationMode;

/**
 * One thing a rollout tells its sinks, built in the workflow so that every retry of its delivery
 * carries the same id and content.
 *
 * @param id stable across retries: {@code <attempt id>.<sequence>.<event>}; the {@code webhook-id}
 *     header and the payload carry it, so a receiver recognises a repeat
 * @param sequence the rollout attempt's count of notifications, from 1, across continue-as-new
 * @param atMillis workflow time of the event
 * @param rollout the workflow id
 * @param attempt the rollout attempt's id (the first run id)
 * @param plan the plan's name
 * @param surface the validated surface whose mode the rollout flips
 * @param phase the phase after the event
 * @param mode the mode after the event, null before the first flip
 * @param percent the enforce percent after the event
 * @param summary one line saying what happened and why, as status shows it
 */
public record Notification(
    String id,
    NotifyEvent event,
    long sequence,
    long atMillis,
    String rollout,
    String attempt,
    String plan,
    String surface,
    Phase phase,
    ValidationMode mode,
    int percent,
    String summary) {}
