package dev.greenlight.testsupport;

/**
 * Closing what a test class started in {@code @BeforeAll}: a resource is still null there when an
 * assumption skipped the class or an earlier start failed, and one failing close must not leave the
 * others running.
 */
public final class Closeables {
  private Closeables() {}

  /**
   * Closes every non-null resource in the order given; the first failure is thrown after all were
   * tried, with later ones added as suppressed.
   */
  public static void closeAll(AutoCloseable... resources) throws Exception {
    Exception first = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
