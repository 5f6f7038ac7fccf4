package dev.greenlight.localservices;

import java.util.Optional;

/**
 * A Temporal server on loopback for local runs and tests: the Temporal CLI's real dev server
 * ({@link TemporalCliServer}) or Temporal's Java test server ({@link TemporalServer}). Closing
 * stops it.
 */
public interface LocalTemporal extends AutoCloseable {
  /** {@code 127.0.0.1:port}, what {@code TEMPORAL_ADDRESS} should say. */
  String address();

  /** The Web UI's base URL, when this server has one. */
  Optional<String> webUiUrl();

  /**
   * Whether the server has advanced visibility: search attributes in list queries, sticky queues
   * that time out after a worker dies. The real server does; the Java test server does not.
   */
  boolean isRealServer();

  /** One line for people: what runs, where, and how long its state lives. */
  String describe();

  /** Blocks until the server is shut down (by {@link #close()} from a shutdown hook). */
  void awaitTermination() throws InterruptedException;

  @Override
  void close();
}
