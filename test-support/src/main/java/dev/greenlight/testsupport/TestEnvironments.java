package dev.greenlight.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * Environments for tests of code that reads its settings from a map of variables, written as {@code
 * name, value, name, value, …}: varargs, unlike {@code Map.of}, so a test's helper can take a
 * case's settings and add its own, and the result stays mutable for that.
 */
public final class TestEnvironments {
  private TestEnvironments() {}

  /** A new mutable map of these {@code name, value} pairs. */
  public static Map<String, String> env(String... nameValuePairs) {
    return putPairs(new HashMap<>(), nameValuePairs);
  }

  /** Puts these {@code name, value} pairs into {@code env}, a later pair winning; returns it. */
  public static Map<String, String> putPairs(Map<String, String> env, String... nameValuePairs) {
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "settings come in name, value pairs but "
              + nameValuePairs.length
              + " strings were given");
    }
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      env.put(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return env;
  }
}
