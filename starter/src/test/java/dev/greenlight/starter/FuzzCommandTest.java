package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.localservices.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's fuzz budget: a fixed seed's traces of the v3.4 plan on the real workflow, real Redis and
 * PostgreSQL; any violation fails the build, and every invariant must have been checked.
 */
class FuzzCommandTest {
  static final int TRACES = 100;

  @Test
  void aFixedSeedBudgetHoldsEveryInvariant(@TempDir Path out) throws Exception {
    Cli cli =
        Cli.run(
            "fuzz",
            "--plan",
            GreenlightCommandTest.planPath().toString(),
            "--traces",
            Integer.toString(TRACES),
            "--seed",
            "1",
            "--json",
            "--out",
            out.toString(),
            "--db",
            TestServices.postgres().jdbcUrl(),
            "--redis",
            TestServices.redis().url());
    JsonNode json = new ObjectMapper().readTree(cli.out());

    assertTrue(json.has("traces"), cli.toString());
    assertEquals(TRACES, json.get("traces").asInt());
    assertEquals(1, json.get("seed").asLong());
    assertEquals(0, json.get("violations").size(), json.toPrettyString() + "\n" + cli.err());
    List<String> checked = new ArrayList<>();
    json.get("checks").fieldNames().forEachRemaining(checked::add);
    assertEquals(
        List.of(
            "promotion-on-green-data",
            "enforce-on-fresh-warn-verdict",
            "no-enforce-over-foreign-warn",
            "downgrade-within-a-poll",
            "no-failed-execution",
            "no-enforce-after-rollback-until-retry",
            "apply-only-after-proven-backup",
            "bounded-history"),
        checked);
    json.get("checks")
        .fields()
        .forEachRemaining(
            check ->
                assertTrue(
                    check.getValue().asLong() > 0, check.getKey() + " never checked: " + json));
    assertTrue(json.get("wallSeconds").asDouble() > 0);
    assertEquals(0, cli.exit(), cli.toString());
  }

  @Test
  void badInputIsRefusedNamingTheValueAndTheRule() {
    Cli cli = Cli.run("fuzz", "--traces", "0");
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(cli.err().contains("--traces must be at least 1 but was 0"), cli.err());
  }
}
