package dev.greenlight.rollout;

import dev.greenlight.metrics.MetricReadException;
import dev.greenlight.metrics.MetricSource;
import dev.greenlight.rollout.activity.GateActivities;
import dev.greenlight.rollout.activity.GateReadRequest;
import dev.greenlight.rollout.activity.GateReadResult;
import dev.greenlight.rollout.activity.InstantReading;
import dev.greenlight.rollout.activity.InstantRequest;
import dev.greenlight.rollout.gates.GateSummary;
import dev.greenlight.rollout.gates.WindowSummarizer;
import dev.greenlight.rollout.plan.GateSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads gates from a {@link MetricSource} and returns summaries, never raw samples, so a day of
 * readings costs a few hundred bytes of workflow history. A failing read becomes an error summary.
 */
public final class GateActivitiesImpl implements GateActivities {
  private final MetricSource source;

  public GateActivitiesImpl(MetricSource source) {
    this.source = source;
  }

  @Override
  public GateReadResult readGates(GateReadRequest request) {
    List<GateSummary> summaries = new ArrayList<>();
    Instant from = Instant.ofEpochMilli(request.fromMillis());
    Instant to = Instant.ofEpochMilli(request.toMillis());
    for (GateSpec gate : request.gates()) {
      try {
        // A breach rule may look back further than this read: fetch enough to judge it.
        Instant readFrom = from;
        if (gate.hasBreachRule()) {
          Instant breachFrom = to.minus(gate.breachFor()).minus(gate.step());
          readFrom = breachFrom.isBefore(from) ? breachFrom : from;
        }
        var samples = source.range(gate.query(), readFrom, to, gate.step());
        summaries.add(
            WindowSummarizer.summarize(gate, request.fromMillis(), request.toMillis(), samples));
      } catch (MetricReadException e) {
        summaries.add(GateSummary.error(gate.name(), e.getMessage()));
      }
    }
    return new GateReadResult(summaries);
  }

  @Override
  public InstantReading readInstant(InstantRequest request) {
    try {
      double value = source.instant(request.query(), Instant.ofEpochMilli(request.atMillis()));
      return new InstantReading(value, Double.isNaN(value) ? "no data" : null);
    } catch (MetricReadException e) {
      return new InstantReading(Double.NaN, e.getMessage());
    }
  }
}
