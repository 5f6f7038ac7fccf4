package dev.greenlight.temporal;

import static dev.greenlight.temporal.TemporalSettings.CONFIG_FILE;
import static dev.greenlight.temporal.TemporalSettings.PROFILE;
import static dev.greenlight.temporal.TemporalSettings.isBlank;

import io.temporal.envconfig.ClientConfig;
import io.temporal.envconfig.LoadClientConfigOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The profile file and the profile in it that were read; no file means env only. */
record ProfileSource(Path file, String profile) {
  static final ProfileSource NONE = new ProfileSource(null, "default");

  /** The file the CLI would read when {@code TEMPORAL_CONFIG_FILE} is unset. */
  static Path defaultFile(Map<String, String> env) {
    String os = System.getProperty("os.name", "").toLowerCase();
    String home = System.getProperty("user.home");
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      return isBlank(appData) ? null : Path.of(appData, "temporalio", "temporal.toml");
    }
    if (isBlank(home)) {
      return null;
    }
    return os.contains("mac")
        ? Path.of(home, "Library", "Application Support", "temporalio", "temporal.toml")
        : Path.of(home, ".config", "temporalio", "temporal.toml");
  }

  /**
   * The file to read and the profile to take from it.
   *
   * @throws InvalidTemporalSettingsException when {@code TEMPORAL_CONFIG_FILE} names no file or
   *     {@code TEMPORAL_PROFILE} a profile the file lacks
   */
  static ProfileSource resolve(Map<String, String> env, Path defaultFile) {
    String named = env.get(CONFIG_FILE);
    String profile = env.get(PROFILE);
    Path file;
    if (!isBlank(named)) {
      file = Path.of(named.trim());
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        // The SDK would read a missing file as empty and connect to localhost in silence.
        throw new InvalidTemporalSettingsException(
            CONFIG_FILE + " names " + file + ", which is not a readable file");
      }
    } else {
      file = defaultFile != null && Files.isRegularFile(defaultFile) ? defaultFile : null;
    }
    if (file == null) {
      if (!isBlank(profile)) {
        throw new InvalidTemporalSettingsException(
            PROFILE
                + " names profile '"
                + profile
                + "' but there is no profile file: set "
                + CONFIG_FILE
                + (defaultFile == null ? "" : " or create " + defaultFile));
      }
      return NONE;
    }
    String name = isBlank(profile) ? "default" : profile.trim();
    Set<String> profiles;
    try {
      profiles =
          new TreeSet<>(
              ClientConfig.load(
                      LoadClientConfigOptions.newBuilder()
                          .setConfigFilePath(file.toString())
                          .build())
                  .getProfiles()
                  .keySet());
    } catch (IOException | RuntimeException e) {
      throw new InvalidTemporalSettingsException(
          "cannot read the Temporal profile file " + file + ": " + e.getMessage(), e);
    }
    if (!isBlank(profile) && !profiles.contains(name)) {
      throw new InvalidTemporalSettingsException(
          PROFILE
              + " names profile '"
              + name
              + "' but "
              + file
              + " has no [profile."
              + name
              + "] (it has "
              + (profiles.isEmpty() ? "none" : String.join(", ", profiles))
              + ")");
    }
    return new ProfileSource(file, name);
  }
}
