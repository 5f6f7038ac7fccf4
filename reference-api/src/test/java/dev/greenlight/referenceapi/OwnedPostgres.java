package dev.greenlight.referenceapi;

import dev.greenlight.testsupport.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL that a test owns and can restart: stopped with {@code pg_ctl} and started
 * again on the same port and data directory, so clients reconnect to the same address and data.
 */
final class OwnedPostgres implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  OwnedPostgres(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.port = Ports.free();
    server = start();
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /**
   * Stops the server (fast shutdown: sessions are cut, as in a crash of the connection) and starts
   * it again.
   */
  void restart() {
    stop();
    server = start();
  }

  private EmbeddedPostgres start() {
    try {
      // Keep the data directory: initdb runs only when it holds no postgresql.conf yet.
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
    }
  }

  private void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
