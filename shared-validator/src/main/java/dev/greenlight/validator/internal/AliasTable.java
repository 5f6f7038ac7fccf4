package dev.greenlight.validator.internal;

import dev.greenlight.validator.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads alias tables: alias → canonical wire name, checked entry by entry. */
public final class AliasTable {
  /** The shipped table, a resource beside {@link Stage}. */
  public static final String DEFAULT_RESOURCE = "stage-aliases.properties";

  private AliasTable() {}

  public static Map<String, Stage> loadDefault() {
    try (InputStream in = Stage.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("alias table resource missing: " + DEFAULT_RESOURCE);
      }
      Properties props = new Properties();
      props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> raw = new LinkedHashMap<>();
      props.forEach((k, v) -> raw.put(k.toString(), v.toString()));
      return parse(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Resolves each target to a {@link Stage}.
   *
   * @throws IllegalArgumentException naming the alias and its target when the target is not one of
   *     the canonical wire names
   */
  public static Map<String, Stage> parse(Map<String, String> raw) {
    Map<String, Stage> parsed = new LinkedHashMap<>();
    raw.forEach(
        (alias, target) -> {
          Stage stage = byWireName(target.trim());
          if (stage == null) {
            throw new IllegalArgumentException(
                "alias '"
                    + alias
                    + "' maps to '"
                    + target
                    + "', which is not a canonical stage "
                    + Stage.wireNames());
          }
          parsed.put(alias, stage);
        });
    return parsed;
  }

  private static Stage byWireName(String wireName) {
    for (Stage stage : Stage.values()) {
      if (stage.wireName().equals(wireName)) {
        return stage;
      }
    }
    return null;
  }
}
