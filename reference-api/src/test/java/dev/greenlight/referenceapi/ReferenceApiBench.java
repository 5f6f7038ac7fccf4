package dev.greenlight.referenceapi;

import dev.greenlight.localservices.TestServices;
import dev.greenlight.referenceapi.load.LoadGenerator;
import dev.greenlight.referenceapi.load.LoadPlan;
import dev.greenlight.referenceapi.load.LoadReport;
import dev.greenlight.testsupport.TestDatabases;
import dev.greenlight.validator.ValidationMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of the reference API with the validator off and in enforce at 100 %, measured in one
 * run by alternating rounds of the same load, so drift of the machine hits both modes alike. Run by
 * hand (see docs/BENCHMARKS.md); not a test.
 *
 * <p>Arguments: rounds per mode (default 3), seconds per round (default 5).
 */
public final class ReferenceApiBench {
  private ReferenceApiBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Duration round = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
    String url = TestServices.postgres().createDatabase("gl_refapi_bench");
    String database = TestDatabases.nameOf(url);
    try (ApiRig rig = new ApiRig(url, TestServices.redis().url())) {
      LoadPlan plan =
          LoadPlan.to(rig.base)
              .withBounds(LoadPlan.MAX_REQUESTS_LIMIT, round)
              .withConsumers(200, "bench-", 8)
              .withStageMix(8, 1, 1)
              .withEndpointMix(6, 2, 2);
      rig.setMode(ValidationMode.WARN, 0);
      System.out.println("warm-up: " + LoadGenerator.run(plan));
      List<Double> off = new ArrayList<>();
      List<Double> enforce = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        rig.setMode(ValidationMode.OFF, 0);
        LoadReport offReport = LoadGenerator.run(plan);
        System.out.println("off     " + offReport);
        off.add(offReport.throughput());
        rig.setMode(ValidationMode.ENFORCE, 100);
        LoadReport enforceReport = LoadGenerator.run(plan);
        System.out.println("enforce " + enforceReport);
        enforce.add(enforceReport.throughput());
      }
      double offMedian = median(off);
      double enforceMedian = median(enforce);
      System.out.printf(
          "median throughput: off %.0f req/s, enforce %.0f req/s, enforce/off %.3f%n",
          offMedian, enforceMedian, enforceMedian / offMedian);
    } finally {
      TestServices.postgres().dropDatabase(database);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
