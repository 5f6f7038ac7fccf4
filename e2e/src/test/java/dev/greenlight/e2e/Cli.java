package dev.greenlight.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.starter.Greenlight;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The release manager's {@code greenlight} CLI, run in this JVM with its own writers — the same
 * picocli command line the shipped jar runs — pointed at the stack's Temporal.
 */
final class Cli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String temporalAddress;

  Cli(String temporalAddress) {
    this.temporalAddress = temporalAddress;
  }

  record Result(int exitCode, String out, String err) {
    Result requireSuccess(String what) {
      if (exitCode != 0) {
        throw new AssertionError(what + " exited " + exitCode + ": " + err + out);
      }
      return this;
    }
  }

  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--temporal");
    all.add(temporalAddress);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Greenlight.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  void start(java.nio.file.Path plan) {
    run("start", "--plan", plan.toString(), "--who", "e2e").requireSuccess("greenlight start");
  }

  /** {@code greenlight status --json}, parsed; null when the rollout cannot answer now. */
  JsonNode statusJson(String workflowId) {
    Result r = run("status", "--json", "-w", workflowId);
    if (r.exitCode() != 0) {
      return null;
    }
    try {
      return JSON.readTree(r.out());
    } catch (Exception e) {
      throw new AssertionError("status --json printed no JSON: " + r.out(), e);
    }
  }

  Result approve(String workflowId, String step, String why) {
    return run("approve", step, "-w", workflowId, "--who", "e2e", "--why", why);
  }

  Result resume(String workflowId, String why) {
    return run("resume", "-w", workflowId, "--who", "e2e", "--why", why);
  }

  Result retryCanary(String workflowId, String why) {
    return run("retry-canary", "-w", workflowId, "--who", "e2e", "--why", why);
  }
}
