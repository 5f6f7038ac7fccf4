package dev.greenlight.worker;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.greenlight.dataplane.schema.Schema;
import dev.greenlight.metrics.PrometheusConnection;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.temporal.TemporalConnection;
import dev.greenlight.temporal.TemporalUnavailableException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The worker process: hosts {@code RolloutWorkflow} and its activities on {@link
 * RolloutConstants#TASK_QUEUE}, with every client built once here and passed down, and the SDK's
 * metrics, where each open rollout stands ({@link RolloutMetrics}) and its failed gate reads
 * ({@link CountingGateActivities}) on an HTTP {@code /metrics} endpoint.
 *
 * <p>{@link #close()} shuts down in the reverse order of building: no new tasks, running ones get
 * {@link #SHUTDOWN_GRACE} to finish, then the clients close. {@link #installShutdownHook()} makes
 * SIGTERM do that.
 */
public final class RolloutWorker implements AutoCloseable {
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

  private final PrometheusMeterRegistry registry;
  private final Scope scope;
  private final WorkflowServiceStubs service;
  private final OkHttpClient http;
  private final ActivityClients clients;
  private final WorkerFactory factory;
  private final RolloutMetrics rolloutMetrics;
  private final MetricsEndpoint endpoint;
  private final List<String> addedSearchAttributes;

  private RolloutWorker(WorkerConfig config, PrometheusConnection prometheus, PrintWriter log) {
    config.requireServices();
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
    service = TemporalConnection.connect(config.temporal(), scope);
    addedSearchAttributes =
        SearchAttributes.ensureRegistered(service, config.temporal().namespace());
    Schema.migrate(config.dbUrl());
    http = prometheus.newHttpClient(Duration.ofSeconds(30));
    clients = ActivityClients.connect(config.dbUrl(), config.redisUrl(), config.redisPrefix());
    WorkflowClient client = WorkflowClient.newInstance(service, config.temporal().clientOptions());
    factory = WorkerFactory.newInstance(client);
    Activities activities =
        Activities.create(clients, prometheus.metricSource(http), BackupSetup.of(config));
    new Activities(
            activities.mode(),
            CountingGateActivities.counting(activities.gates(), registry.getPrometheusRegistry()),
            activities.preflight(),
            activities.data(),
            activities.notifications())
        .registerOn(factory.newWorker(RolloutConstants.TASK_QUEUE, workerOptions(config)));
    factory.start();
    // Status is read for the endpoint only: without one nobody would see it.
    rolloutMetrics =
        config.metricsPort() == 0
            ? null
            : new RolloutMetrics(new OpenRollouts(service, client))
                .start(registry.getPrometheusRegistry());
    endpoint =
        config.metricsPort() == 0
            ? null
            : MetricsEndpoint.start(registry, "127.0.0.1", config.metricsPort());
    log.printf(
        "worker polling %s on %s%s%s%s; prometheus %s%n",
        RolloutConstants.TASK_QUEUE,
        config.temporal(),
        addedSearchAttributes.isEmpty()
            ? ""
            : "; registered search attributes " + addedSearchAttributes,
        endpoint == null ? "" : "; metrics on http://127.0.0.1:" + endpoint.port() + "/metrics",
        config.stickyExecution() ? "" : "; sticky execution off",
        prometheus);
    log.flush();
  }

  /** A zero sticky schedule-to-start timeout is how the SDK is told not to use a sticky queue. */
  private static WorkerOptions workerOptions(WorkerConfig config) {
    WorkerOptions.Builder options = WorkerOptions.newBuilder();
    if (!config.stickyExecution()) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    return options.build();
  }

  /**
   * Connects, migrates the schema, registers search attributes and starts polling.
   *
   * @throws TemporalUnavailableException when no frontend answers or the TLS handshake fails
   * @throws IllegalStateException when a required service is not configured
   * @throws dev.greenlight.metrics.InvalidPrometheusSettingException when a {@code PROMETHEUS_*}
   *     setting is unusable
   */
  public static RolloutWorker start(WorkerConfig config, PrintWriter log) {
    config.requireServices();
    return start(
        config, PrometheusConnection.fromEnv(config.prometheusUrl(), System.getenv()), log);
  }

  /**
   * Like {@link #start(WorkerConfig, PrintWriter)}, reading gates through {@code prometheus}
   * instead of the connection the environment describes around {@code config}'s URL.
   */
  public static RolloutWorker start(
      WorkerConfig config, PrometheusConnection prometheus, PrintWriter log) {
    return new RolloutWorker(config, prometheus, log);
  }

  /** Closes this worker when the JVM is asked to stop (SIGTERM, Ctrl-C). */
  public RolloutWorker installShutdownHook() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "greenlight-worker-shutdown"));
    return this;
  }

  public List<String> addedSearchAttributes() {
    return addedSearchAttributes;
  }

  /** The {@code /metrics} port, or -1 when the endpoint is off. */
  public int metricsPort() {
    return endpoint == null ? -1 : endpoint.port();
  }

  /** Blocks until the worker has been shut down. */
  public void awaitTermination() throws InterruptedException {
    while (!factory.isTerminated()) {
      factory.awaitTermination(1, TimeUnit.HOURS);
    }
  }

  @Override
  public synchronized void close() {
    if (factory.isTerminated()) {
      return;
    }
    factory.shutdown();
    factory.awaitTermination(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
    if (!factory.isTerminated()) {
      factory.shutdownNow();
    }
    if (rolloutMetrics != null) {
      rolloutMetrics.close();
    }
    service.shutdown();
    clients.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    if (endpoint != null) {
      endpoint.close();
    }
    try {
      scope.close();
    } catch (com.uber.m3.tally.ScopeCloseException e) {
      // Only the last metrics report is lost; the worker is already down.
    }
    registry.close();
  }
}
