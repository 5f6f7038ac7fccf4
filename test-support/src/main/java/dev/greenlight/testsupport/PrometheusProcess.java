package dev.greenlight.testsupport;

import dev.greenlight.localservices.LoggedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real {@code prometheus} binary for tests, on a free loopback port, scraping one target every
 * second, with its config, data and log in a temporary directory that {@link #close()} deletes
 * after killing the process. Optionally behind TLS and basic auth through {@code
 * --web.config.file}, as a secured production Prometheus is.
 */
public final class PrometheusProcess implements AutoCloseable {
  /** The basic-auth user {@link Builder#basicAuth()} lets in. */
  public static final String TEST_USERNAME = "greenlight";

  /** That user's password: a test value, distinctive so a test can search logs for it. */
  public static final String TEST_PASSWORD = "basic-pass-Hx7q2Lz9";

  /**
   * The bcrypt hash of {@link #TEST_PASSWORD} that Prometheus' web config wants, made once (cost 4,
   * the least bcrypt allows, to keep requests fast) with {@code python3 -c 'import crypt;
   * print(crypt.crypt("basic-pass-Hx7q2Lz9", crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))'} (or
   * {@code htpasswd -nbBC 4 greenlight basic-pass-Hx7q2Lz9}). Fixed, so tests need neither tool nor
   * a bcrypt library.
   */
  public static final String TEST_PASSWORD_BCRYPT =
      "$2b$04$.KIdUOePHeI7QbMvx4F5b.bKUfFAyzLrAsrkWCVRYtzPECr5WUZe6";

  private final LoggedProcess process;
  private final Path dir;
  private final int port;
  private final boolean tls;

  private PrometheusProcess(LoggedProcess process, Path dir, int port, boolean tls) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.tls = tls;
  }

  /** Starts a plain-HTTP Prometheus scraping {@code http://127.0.0.1:<targetPort>/metrics}. */
  public static PrometheusProcess scraping(int targetPort) throws IOException {
    return builder().scraping(targetPort).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What the next Prometheus scrapes and how it guards its own HTTP API. */
  public static final class Builder {
    private int targetPort = -1;
    private LoopbackCertificates certificates;
    private boolean basicAuth;
    private final java.util.List<Path> ruleFiles = new java.util.ArrayList<>();

    private Builder() {}

    /**
     * Load and evaluate these rule files every second; Prometheus refuses to start on one it cannot
     * parse.
     */
    public Builder ruleFiles(Path... files) {
      for (Path file : files) {
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException("rule file " + file.toAbsolutePath() + " not found");
        }
        ruleFiles.add(file.toAbsolutePath());
      }
      return this;
    }

    /** Scrape {@code http://127.0.0.1:<targetPort>/metrics} every second. */
    public Builder scraping(int port) {
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("target port must be 1-65535 but was " + port);
      }
      this.targetPort = port;
      return this;
    }

    /** Serve https:// with this server certificate and key. */
    public Builder tls(LoopbackCertificates serverCertificates) {
      this.certificates = serverCertificates;
      return this;
    }

    /** Require basic auth as {@link #TEST_USERNAME} with {@link #TEST_PASSWORD}. */
    public Builder basicAuth() {
      this.basicAuth = true;
      return this;
    }

    public PrometheusProcess start() throws IOException {
      Path dir = Files.createTempDirectory("greenlight-prometheus");
      Path config = dir.resolve("prometheus.yml");
      String scrape =
          targetPort < 0
              ? ""
              : """
              scrape_configs:
                - job_name: target
                  static_configs:
                    - targets: ['127.0.0.1:%d']
              """
                  .formatted(targetPort);
      StringBuilder rules = new StringBuilder(ruleFiles.isEmpty() ? "" : "rule_files:\n");
      ruleFiles.forEach(f -> rules.append("  - '").append(f).append("'\n"));
      Files.writeString(
          config,
          """
          global:
            scrape_interval: 1s
            evaluation_interval: 1s
          """
              + rules
              + scrape);
      int port = Ports.free();
      ProcessBuilder command =
          new ProcessBuilder(
              "prometheus",
              "--config.file=" + config,
              "--storage.tsdb.path=" + dir.resolve("data"),
              "--web.listen-address=127.0.0.1:" + port,
              "--log.level=info");
      if (certificates != null || basicAuth) {
        Path webConfig = dir.resolve("web.yml");
        StringBuilder yaml = new StringBuilder();
        if (certificates != null) {
          yaml.append("tls_server_config:\n")
              .append("  cert_file: ")
              .append(certificates.serverCertificate())
              .append('\n')
              .append("  key_file: ")
              .append(certificates.serverKey())
              .append('\n');
        }
        if (basicAuth) {
          yaml.append("basic_auth_users:\n")
              .append("  ")
              .append(TEST_USERNAME)
              .append(": '")
              .append(TEST_PASSWORD_BCRYPT)
              .append("'\n");
        }
        Files.writeString(webConfig, yaml);
        command.command().add("--web.config.file=" + webConfig);
      }
      return new PrometheusProcess(
          LoggedProcess.start(command, dir.resolve("prometheus.log")),
          dir,
          port,
          certificates != null);
    }
  }

  /** The base URL: {@code https://127.0.0.1:<port>} when serving TLS, else {@code http://…}. */
  public String url() {
    return (tls ? "https" : "http") + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public String log() {
    return process.logTail(Integer.MAX_VALUE);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until the port accepts connections.
   *
   * @throws IllegalStateException with the log when Prometheus exits or {@code timeout} passes
   */
  public void awaitListening(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited:\n" + log());
      }
      if (Ports.listening(port)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "prometheus did not listen on " + port + " within " + timeout + ":\n" + log());
  }

  /**
   * Waits until Prometheus serves queries. It listens before it is ready and answers "Service
   * Unavailable" in plain text until its storage is open, so a test that queries on {@link
   * #awaitListening} alone fails now and then on a loaded machine. Ready is read from its own log
   * line, which holds whatever TLS or authentication the server asks for.
   *
   * @throws IllegalStateException with the log when Prometheus exits or {@code timeout} passes
   */
  public void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaitListening(timeout);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited:\n" + log());
      }
      if (log().contains("Server is ready to receive web requests")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus was not ready within " + timeout + ":\n" + log());
  }

  @Override
  public void close() throws Exception {
    process.stop(Duration.ofSeconds(10));
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
