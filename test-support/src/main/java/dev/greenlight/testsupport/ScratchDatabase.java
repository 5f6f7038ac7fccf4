package dev.greenlight.testsupport;

import dev.greenlight.localservices.TestServices;

/**
 * A new, empty database on the shared test PostgreSQL, named {@code prefix_…}; closing it drops it.
 * Tests use one each, so they never see one another's tables.
 */
public record ScratchDatabase(String url, String name) implements AutoCloseable {
  /** Creates {@code prefix_<random>} on {@code TestServices.postgres()}. */
  public static ScratchDatabase create(String prefix) {
    String url = TestServices.postgres().createDatabase(prefix);
    return new ScratchDatabase(url, TestDatabases.nameOf(url));
  }

  @Override
  public void close() {
    TestServices.postgres().dropDatabase(name);
  }
}
