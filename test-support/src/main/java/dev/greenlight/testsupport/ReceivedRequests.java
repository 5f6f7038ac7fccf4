package dev.greenlight.testsupport;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The requests a {@link MockWebServer} received, taken with a bound: a test whose code under test
 * never called fails naming the server instead of hanging or failing later on a null.
 */
public final class ReceivedRequests {
  /** Long enough for a loaded CI machine; a request that is coming comes within milliseconds. */
  private static final long WAIT_SECONDS = 5;

  private ReceivedRequests() {}

  /** The next request {@code server} received, waiting for it at most 5 seconds. */
  public static RecordedRequest next(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(WAIT_SECONDS, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError(
          "no request reached " + server.url("/") + " within " + WAIT_SECONDS + " seconds");
    }
    return request;
  }
}
