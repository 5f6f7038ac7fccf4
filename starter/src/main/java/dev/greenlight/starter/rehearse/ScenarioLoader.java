package dev.greenlight.starter.rehearse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.greenlight.rollout.Phase;
import dev.greenlight.rollout.plan.HumanDurations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads scenario YAML (see {@code plans/scenarios/README.md}). A name without a slash or {@code
 * .yaml} is looked up in {@code plans/scenarios/}. Errors name the file, the field and the rule.
 */
public final class ScenarioLoader {
  static final Set<String> COMMANDS =
      Set.of("approve", "pause", "resume", "abort", "promote", "retry-canary", "extend-warn");
  private static final Set<String> TOP =
      Set.of("name", "description", "expect", "horizon", "migrationCrashes", "events");
  private static final Set<String> EVENT =
      Set.of(
          "at", "on", "after", "metric", "value", "alert", "summary", "command", "approve", "step",
          "days", "force", "who", "why", "fault", "for");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Resolves {@code nameOrFile} against {@code scenarioDir} when it is a bare name. */
  public static Path resolve(String nameOrFile, Path scenarioDir) {
    if (nameOrFile.contains("/") || nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml")) {
      return Path.of(nameOrFile);
    }
    return scenarioDir.resolve(nameOrFile + ".yaml");
  }

  /**
   * @throws ScenarioException when the file is missing or the scenario breaks a rule
   */
  public Scenario load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ScenarioException("scenario file " + file + " does not exist");
    } catch (IOException e) {
      throw new ScenarioException("scenario file " + file + " cannot be read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  public Scenario parse(String text, String source) {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(
          source
              + ": invalid YAML: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new ScenarioException(source + ": a scenario must be a mapping with name and events");
    }
    unknownFields(root, TOP, source, "");
    String name = text(root, "name", source, "");
    if (name == null) {
      throw new ScenarioException(source + ": name is required");
    }
    List<ScenarioEvent> events = new ArrayList<>();
    JsonNode list = root.path("events");
    for (int i = 0; i < list.size(); i++) {
      events.add(event(list.get(i), source, "events[" + i + "]"));
    }
    Duration horizon =
        root.has("horizon")
            ? duration(root.get("horizon"), source, "horizon")
            : Duration.ofDays(60);
    int crashes = root.path("migrationCrashes").asInt(0);
    if (crashes < 0) {
      throw new ScenarioException(
          source + ": migrationCrashes must be 0 or more but was " + crashes);
    }
    return new Scenario(
        name,
        text(root, "description", source, ""),
        text(root, "expect", source, ""),
        horizon,
        crashes,
        events);
  }

  private ScenarioEvent event(JsonNode node, String source, String path) {
    if (!node.isObject()) {
      throw new ScenarioException(source + ": " + path + " must be a mapping");
    }
    unknownFields(node, EVENT, source, path + ".");
    boolean hasAt = node.has("at");
    boolean hasOn = node.has("on");
    if (hasAt == hasOn) {
      throw new ScenarioException(
          source + ": " + path + " needs exactly one of 'at' (from the start) or 'on' (a trigger)");
    }
    Duration at = hasAt ? duration(node.get("at"), source, path + ".at") : null;
    Trigger on = hasOn ? trigger(node.get("on"), source, path + ".on") : null;
    Duration after =
        node.has("after") ? duration(node.get("after"), source, path + ".after") : Duration.ZERO;
    return new ScenarioEvent(at, on, after, action(node, source, path));
  }

  private ScenarioEvent.Action action(JsonNode node, String source, String path) {
    int kinds =
        (node.has("metric") ? 1 : 0)
            + (node.has("alert") ? 1 : 0)
            + (node.has("command") ? 1 : 0)
            + (node.has("approve") ? 1 : 0)
            + (node.has("fault") ? 1 : 0);
    if (kinds != 1) {
      throw new ScenarioException(
          source
              + ": "
              + path
              + " needs exactly one of 'metric', 'alert', 'command', 'approve' or 'fault' but has "
              + kinds);
    }
    if (node.has("for") && !node.has("fault")) {
      throw new ScenarioException(
          source + ": " + path + ".for is how long a fault holds; it needs 'fault'");
    }
    if (node.has("fault")) {
      return fault(node, source, path);
    }
    if (node.has("metric")) {
      return metric(node, source, path);
    }
    if (node.has("alert")) {
      return new ScenarioEvent.Alert(
          node.get("alert").asText(), text(node, "summary", source, path));
    }
    String command = node.has("approve") ? "approve" : node.get("command").asText();
    if (!COMMANDS.contains(command)) {
      throw new ScenarioException(
          source + ": " + path + ".command must be one of " + COMMANDS + " but was " + command);
    }
    String step =
        node.has("approve") ? node.get("approve").asText() : text(node, "step", source, path);
    if (command.equals("approve") && step == null) {
      throw new ScenarioException(source + ": " + path + ": approve needs the step to approve");
    }
    String who = node.has("who") ? node.get("who").asText() : "rehearsal";
    String why = node.has("why") ? node.get("why").asText() : "scenario step";
    return new ScenarioEvent.Command(
        command, step, node.path("days").asInt(0), node.path("force").asBoolean(false), who, why);
  }

  private ScenarioEvent.Fault fault(JsonNode node, String source, String path) {
    String kind = node.get("fault").asText();
    if (!FaultSwitches.KINDS.contains(kind)) {
      throw new ScenarioException(
          source
              + ": "
              + path
              + ".fault must be one of "
              + FaultSwitches.KINDS
              + " but was "
              + kind);
    }
    if (!node.has("for")) {
      return new ScenarioEvent.Fault(kind, null);
    }
    if (FaultSwitches.isOneOff(kind)) {
      throw new ScenarioException(
          source
              + ": "
              + path
              + ".for does not apply to "
              + kind
              + ", which happens once; only "
              + FaultSwitches.TIMED
              + " hold for a while");
    }
    Duration duration = duration(node.get("for"), source, path + ".for");
    if (duration.isZero() || duration.isNegative()) {
      throw new ScenarioException(
          source
              + ": "
              + path
              + ".for must be a positive duration (leave it out for good) but was "
              + node.get("for").asText());
    }
    return new ScenarioEvent.Fault(kind, duration);
  }

  private ScenarioEvent.MetricChange metric(JsonNode node, String source, String path) {
    String gate = node.get("metric").asText();
    JsonNode value = node.get("value");
    if (value == null) {
      throw new ScenarioException(
          source + ": " + path + ".value is required: a number, missing, error or healthy");
    }
    if (value.isNumber()) {
      return new ScenarioEvent.MetricChange(
          gate, ScenarioEvent.MetricChange.Kind.VALUE, value.asDouble());
    }
    String word = value.asText().toLowerCase(Locale.ROOT);
    return switch (word) {
      case "missing" ->
          new ScenarioEvent.MetricChange(gate, ScenarioEvent.MetricChange.Kind.MISSING, Double.NaN);
      case "error" ->
          new ScenarioEvent.MetricChange(gate, ScenarioEvent.MetricChange.Kind.ERROR, Double.NaN);
      case "healthy" ->
          new ScenarioEvent.MetricChange(gate, ScenarioEvent.MetricChange.Kind.HEALTHY, Double.NaN);
      default ->
          throw new ScenarioException(
              source
                  + ": "
                  + path
                  + ".value must be a number, missing, error or healthy but was "
                  + value.asText());
    };
  }

  private Trigger trigger(JsonNode node, String source, String path) {
    if (!node.isObject() || node.isEmpty()) {
      throw new ScenarioException(
          source + ": " + path + " must be a mapping of phase, percent, pending and/or reason");
    }
    unknownFields(node, Set.of("phase", "percent", "pending", "reason"), source, path + ".");
    Phase phase = null;
    if (node.has("phase")) {
      try {
        phase = Phase.valueOf(node.get("phase").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(
            source
                + ": "
                + path
                + ".phase must be one of "
                + List.of(Phase.values())
                + " but was "
                + node.get("phase").asText());
      }
    }
    return new Trigger(
        phase,
        node.has("percent") ? node.get("percent").asInt() : null,
        text(node, "pending", source, path),
        text(node, "reason", source, path));
  }

  private static Duration duration(JsonNode node, String source, String path) {
    if (node.isNumber() && node.asLong() == 0) {
      return Duration.ZERO;
    }
    try {
      return HumanDurations.parse(node.asText());
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(source + ": " + path + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, String source, String path) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static void unknownFields(JsonNode node, Set<String> known, String source, String path) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw new ScenarioException(
            source + ": " + path + field + " is not a scenario field; known: " + known);
      }
    }
  }
}
