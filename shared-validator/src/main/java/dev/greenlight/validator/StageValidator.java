package dev.greenlight.validator;

import dev.greenlight.validator.ValidationResult.Outcome;
import dev.greenlight.validator.internal.EndpointMetrics;
import dev.greenlight.validator.internal.UnknownStageLog;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The boundary check of the {@code stage} field: for an endpoint, a consumer and a raw value it
 * decides, by the mode in force, whether the API stores the value as sent, stores its canonical
 * spelling, or rejects it.
 *
 * <ul>
 *   <li>off: {@link Outcome#PASSED_UNTOUCHED}, the value as sent, whatever it is. The value is
 *       still classified in the shadow, as warn would, and counted under {@code
 *       stage_validation_requests_total{mode="off"}} with the outcome {@code passed_untouched}, or
 *       {@code shadow_unknown} when warn would have answered {@link Outcome#ACCEPTED_UNKNOWN}: that
 *       share is the rollout's baseline unknown fraction. Nothing else is counted or logged.
 *   <li>warn: {@link Outcome#ACCEPTED} with the canonical spelling when known, otherwise {@link
 *       Outcome#ACCEPTED_UNKNOWN}, counted and logged (at most 20 lines a second).
 *   <li>enforce at p %: known values as in warn; an unknown value is {@link Outcome#REJECTED} when
 *       the consumer's {@link CanaryBucket} is below p, otherwise as in warn. A null consumer key
 *       is bucketed as the empty string.
 * </ul>
 *
 * <p>Thread-safe. On a known value {@link #validate} allocates nothing (in off: on an exact
 * canonical spelling): results are shared per stage and metric series are resolved at construction;
 * the mode comes from memory. Off costs one normalizer lookup more than it did when it classified
 * nothing, the lookup warn makes anyway.
 */
public final class StageValidator {
  private static final int UNKNOWN_LOG_LINES_PER_SECOND = 20;

  private final StageNormalizer normalizer;
  private final Supplier<ModeRecord> modes;
  private final ValidatorMetrics metrics;
  private final UnknownStageLog unknownLog = new UnknownStageLog(UNKNOWN_LOG_LINES_PER_SECOND);

  /** ACCEPTED results by stage ordinal. */
  private final ValidationResult[] accepted;

  /** PASSED_UNTOUCHED results by stage ordinal, for exact canonical spellings in off. */
  private final ValidationResult[] untouchedCanonical;

  /** A validator that asks {@code resolver} for the mode on every call. */
  public StageValidator(
      StageNormalizer normalizer, ModeResolver resolver, ValidatorMetrics metrics) {
    this(
        normalizer,
        Objects.requireNonNull(resolver, "resolver must not be null")::current,
        metrics);
  }

  /**
   * A validator that takes the mode from {@code modes}, which must answer fast and never null: for
   * tests and benchmarks that fix the mode, or an API that resolves modes its own way.
   */
  public StageValidator(
      StageNormalizer normalizer, Supplier<ModeRecord> modes, ValidatorMetrics metrics) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer must not be null");
    this.modes = Objects.requireNonNull(modes, "modes must not be null");
    this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
    Stage[] stages = Stage.values();
    this.accepted = new ValidationResult[stages.length];
    this.untouchedCanonical = new ValidationResult[stages.length];
    for (Stage stage : stages) {
      accepted[stage.ordinal()] = new ValidationResult(Outcome.ACCEPTED, stage.wireName(), stage);
      untouchedCanonical[stage.ordinal()] =
          new ValidationResult(Outcome.PASSED_UNTOUCHED, stage.wireName(), null);
    }
  }

  /**
   * The decision on {@code rawStage} sent by {@code consumerKey} to {@code endpoint}.
   *
   * @param endpoint one of the endpoints {@link ValidatorMetrics} was built with
   * @param consumerKey what identifies the caller for canary bucketing (API key, client id or IP)
   * @param rawStage the value as sent, possibly null
   * @throws IllegalArgumentException naming the endpoint and the registered ones when it is not
   *     registered
   */
  public ValidationResult validate(String endpoint, String consumerKey, String rawStage) {
    long started = System.nanoTime();
    EndpointMetrics series = metrics.endpoint(endpoint);
    ModeRecord record = modes.get();
    ValidationMode mode = record.mode();
    // Every mode classifies. In off this is the shadow check behind the baseline unknown fraction:
    // the lookup warn makes, so off counts as unknown exactly what warn would.
    Stage stage = normalizer.normalize(rawStage);
    if (mode == ValidationMode.OFF) {
      ValidationResult untouched = untouched(rawStage, stage);
      series.recordOff(stage == null, System.nanoTime() - started);
      return untouched;
    }
    ValidationResult result;
    if (stage != null) {
      result = accepted[stage.ordinal()];
    } else {
      boolean enforced =
          mode == ValidationMode.ENFORCE
              && CanaryBucket.isEnforced(
                  consumerKey == null ? "" : consumerKey, record.enforcePercent());
      result =
          new ValidationResult(
              enforced ? Outcome.REJECTED : Outcome.ACCEPTED_UNKNOWN, rawStage, null);
    }
    series.record(mode, result.outcome(), System.nanoTime() - started);
    if (result.canonical() == null) {
      // Logged after timing: the histogram measures the decision, not the log appender.
      unknownLog.unknown(endpoint, consumerKey, rawStage, mode, result.outcome());
    }
    return result;
  }

  /** The value as sent; shared for an exact canonical spelling, so off allocates nothing there. */
  private ValidationResult untouched(String rawStage, Stage shadow) {
    if (shadow != null && shadow.wireName().equals(rawStage)) {
      return untouchedCanonical[shadow.ordinal()];
    }
    return new ValidationResult(Outcome.PASSED_UNTOUCHED, rawStage, null);
  }
}
