package dev.greenlight.rollout;

import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.ModeFlipRequest;
import dev.greenlight.rollout.activity.ModeFlipResult;
import dev.greenlight.validator.ValidationMode;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real mode activity, with a switch that makes flips to chosen modes fail the way a Redis
 * outage would — non-retryable, so a test does not wait out the activity's retries — to steer a
 * rollout down its failure branches.
 */
final class SteerableModes implements ModeActivities {
  private final ModeActivities real;
  private volatile ValidationMode failing;
  private volatile boolean failingAll;
  final AtomicInteger failedCalls = new AtomicInteger();

  SteerableModes(ModeActivities real) {
    this.real = real;
  }

  /** Flips to {@code mode} fail until {@link #heal()}. */
  void failFlipsTo(ValidationMode mode) {
    failing = mode;
  }

  /** Every flip fails until {@link #heal()}. */
  void failAll() {
    failingAll = true;
  }

  void heal() {
    failing = null;
    failingAll = false;
  }

  @Override
  public ModeFlipResult flipMode(ModeFlipRequest request) {
    if (failingAll || request.mode() == failing) {
      failedCalls.incrementAndGet();
      throw ApplicationFailure.newNonRetryableFailure(
          "Redis unavailable (steered by the test)", "ModeStoreUnavailable");
    }
    return real.flipMode(request);
  }
}
