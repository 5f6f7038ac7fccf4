package dev.greenlight.worker;

import dev.greenlight.temporal.InvalidTemporalSettingsException;
import dev.greenlight.temporal.TemporalUnavailableException;
import java.io.PrintWriter;

/**
 * The production worker process, {@code java -jar worker/target/greenlight-worker.jar}: reads
 * {@link WorkerConfig} from the environment and runs a {@link RolloutWorker} until SIGTERM. Exit 2
 * for a missing or bad setting (named), 1 when Temporal does not answer or the worker cannot start;
 * nothing is retried here, so a supervisor's restart policy decides.
 */
public final class WorkerMain {
  static final String USAGE =
      """
      greenlight-worker: hosts Greenlight's rollout workflow and its activities until SIGTERM.
      It takes no arguments; it reads the environment:
        GREENLIGHT_DB_URL, REDIS_URL, PROMETHEUS_URL     required
        GREENLIGHT_BACKUP_DIR                            required: private, persistent storage
        TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS,
        TEMPORAL_TLS_CLIENT_CERT_PATH, TEMPORAL_TLS_CLIENT_KEY_PATH,
        TEMPORAL_TLS_SERVER_CA_CERT_PATH, TEMPORAL_TLS_SERVER_NAME, TEMPORAL_GRPC_META_*,
        TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE          Temporal, as the Temporal CLI reads them
        GREENLIGHT_BACKUP_FORMAT, GREENLIGHT_PG_BIN, GREENLIGHT_REDIS_PREFIX,
        GREENLIGHT_METRICS_PORT, GREENLIGHT_STICKY_EXECUTION
      See README.md, "Running a rollout for real".""";

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    if (args.length > 0) {
      boolean help = args[0].equals("--help") || args[0].equals("-h");
      (help ? out : err).println(USAGE);
      System.exit(help ? 0 : 2);
    }
    RolloutWorker worker = null;
    try {
      WorkerConfig config = WorkerConfig.fromEnv(System.getenv());
      config.requireServices();
      worker = RolloutWorker.start(config, out).installShutdownHook();
    } catch (IllegalArgumentException
        | IllegalStateException
        | InvalidTemporalSettingsException e) {
      err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (TemporalUnavailableException e) {
      err.println("error: " + e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      // Exit rather than throw: gRPC's and Lettuce's threads would keep a half-built worker alive.
      err.println("error: the worker could not start: " + e);
      e.printStackTrace(err);
      System.exit(1);
    }
    // Returns once the shutdown hook has drained the worker; the JVM then ends with status 0.
    worker.awaitTermination();
  }
}
