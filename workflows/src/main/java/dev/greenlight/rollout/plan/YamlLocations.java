package dev.greenlight.rollout.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every value in a YAML document by its path ({@code canary.steps[1].percent}), so that
 * a rule broken after binding can still point at its line.
 */
final class YamlLocations {
  private final Map<String, Integer> lines;

  private YamlLocations(Map<String, Integer> lines) {
    this.lines = lines;
  }

  static YamlLocations scan(String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          String path = toPath(parser.getParsingContext().pathAsPointer().toString());
          lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException | RuntimeException e) {
      // Locations are a courtesy on top of errors Jackson already located; never fail for them.
    }
    return new YamlLocations(lines);
  }

  /** {@code /canary/steps/1/percent} → {@code canary.steps[1].percent}. */
  static String toPath(String pointer) {
    StringBuilder path = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        path.append('[').append(part).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(part);
      }
    }
    return path.toString();
  }

  /** " (line N)" for {@code path} or its nearest located parent, or "" when unknown. */
  String lineOf(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return " (line " + line + ")";
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return "";
  }
}
