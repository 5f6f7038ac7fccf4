package dev.greenlight.localservices;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Temporal's Java test server in real time (no time skipping) on a loopback gRPC port: what {@code
 * greenlight dev-server} runs and what tests connect a real client to. Its state lives in memory
 * and ends with it. Closing stops it.
 */
public final class TemporalServer implements LocalTemporal {
  private final TestServicesStarter services;
  private final Server grpc;

  /** Starts the services and their gRPC server, or closes the services again if it cannot. */
  private TemporalServer(int port, Consumer<NettyServerBuilder> customizer) {
    // Time skipping stays locked: this server runs in real time, like a real cluster.
    services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    customizer.accept(builder);
    try {
      grpc = builder.build().start();
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "cannot start Temporal's test server on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** Starts a plaintext server on {@code 127.0.0.1:port}; 0 picks a free port. */
  public static TemporalServer start(int port) {
    return start(port, builder -> {});
  }

  /**
   * Starts a server on {@code 127.0.0.1:port} after {@code customizer} has had its say on the
   * builder: TLS ({@code sslContext}), interceptors that record what clients send.
   */
  public static TemporalServer start(int port, Consumer<NettyServerBuilder> customizer) {
    return new TemporalServer(port, customizer);
  }

  public int port() {
    return grpc.getPort();
  }

  @Override
  public String address() {
    return "127.0.0.1:" + port();
  }

  @Override
  public Optional<String> webUiUrl() {
    return Optional.empty();
  }

  /**
   * No: list queries ignore search attributes, and a dead worker's sticky queue never times out.
   */
  @Override
  public boolean isRealServer() {
    return false;
  }

  @Override
  public String describe() {
    return "Temporal's Java test server " + address() + " (in memory, real time, no Web UI)";
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    grpc.awaitTermination();
  }

  @Override
  public void close() {
    grpc.shutdown();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    grpc.shutdownNow();
    services.close();
  }
}
