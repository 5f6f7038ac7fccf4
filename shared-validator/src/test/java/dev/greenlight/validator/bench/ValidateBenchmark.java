package dev.greenlight.validator.bench;

import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.Stage;
import dev.greenlight.validator.StageNormalizer;
import dev.greenlight.validator.StageValidator;
import dev.greenlight.validator.ValidationMode;
import dev.greenlight.validator.ValidationResult;
import dev.greenlight.validator.ValidatorMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link StageValidator#validate} against a bare {@link HashMap#get} of the same string, in the
 * same run: canonical input, an exact alias, and a messy spelling that needs a key built. The
 * validators carry real metrics (counter, histogram, two clock reads), as in production; off, warn
 * and enforce at 50 % each have one.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValidateBenchmark {
  @Param({"series-a", "series-c+", "angel", "Series A Round"})
  public String input;

  private final Map<String, Stage> baseline = new HashMap<>();
  private StageNormalizer normalizer;
  private StageValidator off;
  private StageValidator warn;
  private StageValidator enforce;

  @Setup
  public void setUp() {
    normalizer = StageNormalizer.defaults();
    // The baseline map holds every exact spelling the normalizer answers without building a key.
    for (Stage stage : Stage.values()) {
      baseline.put(stage.wireName(), stage);
    }
    for (String alias : new String[] {"angel", "growth", "seed+", "seed plus"}) {
      baseline.put(alias, normalizer.normalize(alias));
    }
    ValidatorMetrics metrics =
        new ValidatorMetrics(new PrometheusRegistry(), Set.of("create", "update", "import"));
    off = new StageValidator(normalizer, fixed(ValidationMode.OFF, 0), metrics);
    warn = new StageValidator(normalizer, fixed(ValidationMode.WARN, 0), metrics);
    enforce = new StageValidator(normalizer, fixed(ValidationMode.ENFORCE, 50), metrics);
  }

  private static Supplier<ModeRecord> fixed(ValidationMode mode, int percent) {
    ModeRecord record = new ModeRecord(mode, percent, 1, "bench", "bench", Instant.EPOCH);
    return () -> record;
  }

  @Benchmark
  public Stage hashMapGet() {
    return baseline.get(input);
  }

  @Benchmark
  public Stage normalize() {
    return normalizer.normalize(input);
  }

  /** Off still classifies (the shadow check that measures the baseline), then passes untouched. */
  @Benchmark
  public ValidationResult validateOff() {
    return off.validate("update", "consumer-42", input);
  }

  @Benchmark
  public ValidationResult validateWarn() {
    return warn.validate("update", "consumer-42", input);
  }

  @Benchmark
  public ValidationResult validateEnforce50() {
    return enforce.validate("update", "consumer-42", input);
  }
}
