package dev.greenlight.dataplane.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code pg_dump} and {@code pg_restore} are: a configured directory, or else the PATH.
 *
 * <p>{@link #require} checks that a tool exists and is at least the server's major version (a
 * {@code pg_dump} can dump its own major version and older servers, never newer ones), and fails
 * with a message that says how to fix it. Immutable and thread-safe.
 */
public final class PgTools {
  /**
   * The environment variable naming a directory holding the tools, e.g. /usr/lib/postgresql/16/bin.
   */
  public static final String BIN_DIR_ENV = "GREENLIGHT_PG_BIN";

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");

  private final Path binDir;

  private PgTools(Path binDir) {
    this.binDir = binDir;
  }

  /** Tools looked up on the PATH. */
  public static PgTools fromPath() {
    return new PgTools(null);
  }

  /** Tools in {@code binDir} only. */
  public static PgTools inDirectory(Path binDir) {
    return new PgTools(binDir);
  }

  /** The directory in {@value #BIN_DIR_ENV} when set, else the PATH. */
  public static PgTools fromEnvironment() {
    String dir = System.getenv(BIN_DIR_ENV);
    return dir == null || dir.isBlank() ? fromPath() : inDirectory(Path.of(dir));
  }

  /** Where the tools are looked for, for messages: "in /opt/pg/bin" or "on PATH". */
  public String where() {
    return binDir == null ? "on PATH" : "in " + binDir;
  }

  /** A tool that was found and whose version was read. */
  public record Tool(String name, Path path, int major, String version) {}

  /** {@code name} as found on the PATH, if it is there (tests use this to decide to skip). */
  public static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The tool {@code name} ({@code pg_dump} or {@code pg_restore}), checked against the server.
   *
   * @throws PgToolMissingException when it is not found, saying where it looked
   * @throws PgToolTooOldException when its major version is below {@code serverMajor}
   */
  public Tool require(String name, int serverMajor, String serverVersion) {
    Path path = locate(name);
    String versionText = readVersion(name, path);
    Matcher m = VERSION.matcher(versionText);
    if (!m.find()) {
      throw new PgToolMissingException(
          name,
          path + " --version printed '" + versionText.strip() + "', not a PostgreSQL version");
    }
    int major = Integer.parseInt(m.group(1));
    if (major < serverMajor) {
      throw new PgToolTooOldException(
          name,
          name
              + " at "
              + path
              + " is version "
              + major
              + " but the server runs PostgreSQL "
              + serverVersion
              + "; "
              + name
              + " must be at least the server's major version "
              + serverMajor
              + ". Install postgresql-client-"
              + serverMajor
              + " (or newer) and put its bin directory first on PATH or in "
              + BIN_DIR_ENV
              + ", e.g. /usr/lib/postgresql/"
              + serverMajor
              + "/bin");
    }
    return new Tool(name, path, major, versionText.strip());
  }

  private Path locate(String name) {
    if (binDir != null) {
      Path candidate = binDir.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
      throw new PgToolMissingException(
          name,
          name
              + " not found in the configured directory "
              + binDir
              + " ("
              + BIN_DIR_ENV
              + "); point it at the bin directory of a PostgreSQL client install at least as new"
              + " as the server, e.g. /usr/lib/postgresql/15/bin");
    }
    return findOnPath(name)
        .orElseThrow(
            () ->
                new PgToolMissingException(
                    name,
                    name
                        + " not found on PATH ("
                        + System.getenv("PATH")
                        + "); install the PostgreSQL client tools matching the server's major"
                        + " version (Debian/Ubuntu: apt-get install postgresql-client-<major>)"
                        + " or set "
                        + BIN_DIR_ENV
                        + " to their bin directory"));
  }

  private static String readVersion(String name, Path path) {
    try {
      Process process =
          new ProcessBuilder(List.of(path.toString(), "--version"))
              .redirectErrorStream(true)
              .start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new PgToolMissingException(name, path + " --version did not answer within 30 s");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PgToolMissingException(name, path + " could not be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PgToolMissingException(
          name, "interrupted while asking " + path + " for its version");
    }
  }
}
