package dev.greenlight.ops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.validator.ValidationMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook benchmark, run by {@code ops/bench/webhook-bench.sh} (skipped otherwise): {@code wrk}
 * against an empty JDK HttpServer handler (the baseline), an empty Jetty handler (the server the
 * webhook runs on since the read deadlines), the duplicate path and a no-op alert, all
 * authenticated, on loopback; then the time from sending a downgrade to Redis showing {@code warn}.
 * Prints one table with ratios to the baseline.
 */
class WebhookBench {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)");

  record Result(String name, double rps, double p99Millis) {}

  @Test
  void bench(@TempDir Path dir) throws Exception {
    assumeTrue(Boolean.getBoolean("greenlight.bench"), "run through ops/bench/webhook-bench.sh");
    // Without TCP_NODELAY, the JDK server's separate header and body writes meet delayed ACKs and
    // every reply waits ~40 ms (what the webhook set while it ran on this server). Read once.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    String duration = System.getProperty("greenlight.bench.duration", "10s");
    String connections = System.getProperty("greenlight.bench.connections", "32");
    ExecutorService executor = Executors.newFixedThreadPool(16);
    HttpServer baseline = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    baseline.createContext(
        "/ops/alertmanager",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    baseline.setExecutor(executor);
    baseline.start();
    // The same empty handler on Jetty, as the webhook now runs: what the server change costs alone.
    Server jetty = new Server(new QueuedThreadPool(32, 4));
    ServerConnector jettyConnector = new ServerConnector(jetty, 1, 1);
    jettyConnector.setHost("127.0.0.1");
    jetty.addConnector(jettyConnector);
    jetty.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            Content.Source.consumeAll(request, Callback.NOOP);
            response.setStatus(200);
            response.write(true, null, callback);
            return true;
          }
        });
    jetty.start();
    List<Result> results = new ArrayList<>();
    try (WebhookRig rig = new WebhookRig()) {
      String fixed =
          WebhookClient.payload("bench-dup", "firing", "StageEnforceErrorSpike", "fp-dup");
      Path duplicate = lua(dir, "dup.lua", fixed, false);
      Path noop =
          lua(
              dir,
              "noop.lua",
              fixed.replace("\"action\":\"auto-downgrade\",", "").replace("fp-dup", "FP"),
              true);
      rig.client.withToken(fixed); // the first is not a duplicate: it acts once, then never again
      int port = rig.server.port();
      results.add(
          wrk(
              "baseline (empty handler)",
              baseline.getAddress().getPort(),
              duplicate,
              duration,
              connections));
      results.add(
          wrk(
              "Jetty empty handler",
              jettyConnector.getLocalPort(),
              duplicate,
              duration,
              connections));
      results.add(wrk("duplicate path", port, duplicate, duration, connections));
      results.add(wrk("no-op alert (no action label)", port, noop, duration, connections));
      List<Double> warnMillis = timeToWarn(rig, 50);
      print(results, warnMillis, duration, connections);
    } finally {
      jetty.stop();
      baseline.stop(0);
      executor.shutdown();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /**
   * A wrk script posting {@code body}; with {@code unique}, FP becomes a fresh number each time.
   */
  private static Path lua(Path dir, String name, String body, boolean unique) throws Exception {
    String escaped = body.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    String script =
        "wrk.method = \"POST\"\n"
            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
            + "wrk.headers[\"Authorization\"] = \"Bearer "
            + WebhookClient.TOKEN_A
            + "\"\n"
            + "local body = \""
            + escaped
            + "\"\n"
            + "local n = 0\n"
            + (unique
                ? "request = function()\n  n = n + 1\n"
                    + "  return wrk.format(nil, nil, nil, (body:gsub(\"FP\", \"fp-\" .. n .. \"-\" .. math.random(1e9))))\nend\n"
                : "wrk.body = body\n");
    Path file = dir.resolve(name);
    Files.writeString(file, script);
    return file;
  }

  private static Result wrk(String name, int port, Path script, String duration, String connections)
      throws Exception {
    Process process =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + duration,
                "--latency",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port + "/ops/alertmanager")
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(2, TimeUnit.MINUTES);
    Matcher rps = RPS.matcher(out);
    Matcher p99 = P99.matcher(out);
    if (!rps.find() || !p99.find() || out.contains("Non-2xx")) {
      throw new AssertionError("wrk against " + name + " gave no clean result:\n" + out);
    }
    double value = Double.parseDouble(p99.group(1));
    double millis =
        switch (p99.group(2)) {
          case "us" -> value / 1000;
          case "s" -> value * 1000;
          default -> value;
        };
    return new Result(name, Double.parseDouble(rps.group(1)), millis);
  }

  /** Sends {@code rounds} downgrades and times each from send until Redis reads warn. */
  private static List<Double> timeToWarn(WebhookRig rig, int rounds) throws Exception {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      rig.setMode(ValidationMode.ENFORCE, 10);
      String body =
          WebhookClient.payload("bench-warn-" + i, "firing", "StageEnforceErrorSpike", "fp-w" + i);
      long start = System.nanoTime();
      Thread sender =
          new Thread(
              () -> {
                try {
                  rig.client.withToken(body);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      sender.start();
      while (rig.mode().mode() != ValidationMode.WARN) {
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) {
          throw new AssertionError("no warn within 5s in round " + i);
        }
      }
      millis.add((System.nanoTime() - start) / 1e6);
      sender.join(10_000);
    }
    Collections.sort(millis);
    return millis;
  }

  private static void print(
      List<Result> results, List<Double> warn, String duration, String connections) {
    Result base = results.get(0);
    StringBuilder out =
        new StringBuilder(
            "\n== ops webhook benchmark (wrk -t2 -c"
                + connections
                + " -d"
                + duration
                + ", loopback) ==\n");
    out.append(
        String.format(
            "%-32s %12s %10s %14s %12s%n",
            "scenario", "req/s", "p99 ms", "req/s vs base", "p99 vs base"));
    for (Result r : results) {
      out.append(
          String.format(
              "%-32s %12.0f %10.2f %14.2f %12.2f%n",
              r.name(),
              r.rps(),
              r.p99Millis(),
              r.rps() / base.rps(),
              r.p99Millis() / base.p99Millis()));
    }
    out.append(
        String.format(
            "send -> Redis shows warn (%d rounds, client-side, includes a Redis read per poll):"
                + " median %.2f ms, p90 %.2f ms, max %.2f ms%n",
            warn.size(),
            warn.get(warn.size() / 2),
            warn.get((int) (warn.size() * 0.9)),
            warn.get(warn.size() - 1)));
    System.out.println(out);
  }
}
