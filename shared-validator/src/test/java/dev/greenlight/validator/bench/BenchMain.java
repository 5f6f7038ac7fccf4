package dev.greenlight.validator.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this package with the JMH command-line options given, then prints each
 * validate benchmark's average time as a multiple of {@code hashMapGet} on the same input.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args)).build()).run();
    Map<String, Double> baseline = new HashMap<>();
    Map<String, Double> averages = new HashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      if (!result.getParams().getMode().shortLabel().equals("avgt")) {
        continue;
      }
      String input = result.getParams().getParam("input");
      double score = result.getPrimaryResult().getScore();
      String method = label.substring(label.lastIndexOf('.') + 1);
      if (method.equals("hashMapGet")) {
        baseline.put(input, score);
      } else if (input != null) {
        averages.put(method + " [" + input + "]", score);
      }
    }
    System.out.println();
    System.out.println("ratio to hashMapGet of the same input (average time):");
    averages.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              String key = entry.getKey();
              String input = key.substring(key.indexOf('[') + 1, key.length() - 1);
              Double base = baseline.get(input);
              if (base != null) {
                System.out.printf(
                    "  %-40s %8.1f ns  = %5.1f x %6.1f ns%n",
                    key, entry.getValue(), entry.getValue() / base, base);
              }
            });
  }
}
