package dev.greenlight.rollout.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a rollout plan from YAML and validates it. Every error names the field, its line and the
 * rule, and a plan with any error is refused whole. Thread-safe.
 */
public final class PlanParser {
  private final ObjectMapper yaml;

  public PlanParser() {
    SimpleModule durations = new SimpleModule("human-durations");
    durations.addDeserializer(Duration.class, new DurationDeserializer());
    this.yaml =
        new ObjectMapper(new YAMLFactory())
            .registerModule(durations)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /**
   * @throws PlanException when the file is missing or unreadable, or the plan is invalid
   */
  public RolloutPlan parse(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new PlanException("plan file " + file + " does not exist");
    } catch (IOException e) {
      throw new PlanException("plan file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * @param source names the text in messages, usually its file
   * @throws PlanException when the text is not valid YAML or the plan breaks a rule
   */
  public RolloutPlan parse(String text, String source) {
    RolloutPlan plan;
    try {
      plan = yaml.readValue(text, RolloutPlan.class);
    } catch (JsonMappingException e) {
      String path = YamlLocations.toPath(pointerOf(e));
      throw new PlanException(
          source + ": " + (path.isEmpty() ? "" : path + ": ") + describe(e) + located(e), e);
    } catch (JsonProcessingException e) {
      throw new PlanException(source + ": invalid YAML: " + e.getOriginalMessage() + located(e), e);
    }
    if (plan == null) {
      throw new PlanException(source + ": the plan is empty");
    }
    List<PlanRules.Violation> violations = PlanRules.check(plan);
    if (!violations.isEmpty()) {
      YamlLocations lines = YamlLocations.scan(text);
      throw new PlanException(
          source
              + ": "
              + violations.stream()
                  .map(v -> v.path() + lines.lineOf(v.path()) + ": " + v.rule())
                  .collect(Collectors.joining("; ")));
    }
    return plan;
  }

  private static String pointerOf(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      pointer.append('/');
      pointer.append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
    }
    return pointer.toString();
  }

  private static String describe(JsonMappingException e) {
    String message = e.getOriginalMessage();
    if (message.startsWith("Unrecognized field")) {
      return "unknown field (check its spelling against the plan reference in docs/ARCHITECTURE.md)";
    }
    if (message.startsWith("Missing required creator property")
        || message.startsWith("Cannot map `null` into type")) {
      return "required field is missing";
    }
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    int cut = message.indexOf('\n');
    return cut < 0 ? message : message.substring(0, cut);
  }

  private static String located(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
      return "";
    }
    return " (line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ")";
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      try {
        return HumanDurations.parse(text == null ? p.getText() : text);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, e.getMessage(), e);
      }
    }
  }
}
