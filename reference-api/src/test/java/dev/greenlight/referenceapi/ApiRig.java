package dev.greenlight.referenceapi;

import com.zaxxer.hikari.HikariDataSource;
import dev.greenlight.testsupport.Await;
import dev.greenlight.testsupport.ScratchDatabase;
import dev.greenlight.validator.ModeChange;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeResolver;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ModeSurfaceSetting;
import dev.greenlight.validator.ModeWriteRule;
import dev.greenlight.validator.ValidationMode;
import dev.greenlight.validator.ValidatorMetrics;
import io.lettuce.core.RedisClient;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A reference API wired as {@link ReferenceApiMain} wires it, on a database and Redis the test
 * chose, with its own key prefix and a resolver that refreshes every 100 ms so mode flips land
 * fast. Closing it closes everything it built.
 */
final class ApiRig implements AutoCloseable {
  static final String SURFACE = ModeSurfaceSetting.DEFAULT;

  final String keyPrefix = "gl-refapi-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  final HikariDataSource pool;
  final Jdbi jdbi;
  final RedisClient redis;
  final ModeStore store;
  final ModeResolver resolver;
  final ReferenceApi api;
  final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ScratchDatabase ownDatabase; // dropped on close, when the rig made it

  /** A rig on a new database of its own, {@code prefix_…}, which closing the rig drops. */
  static ApiRig onScratchDatabase(String prefix, String redisUrl) {
    ScratchDatabase database = ScratchDatabase.create(prefix);
    ApiRig rig = new ApiRig(database.url(), redisUrl);
    rig.ownDatabase = database;
    return rig;
  }

  ApiRig(String jdbcUrl, String redisUrl) {
    pool = ReferenceApiMain.pool(jdbcUrl, 8);
    jdbi = Jdbi.create(pool);
    redis = RedisClient.create(redisUrl);
    store = new ModeStore(redis, keyPrefix);
    PrometheusRegistry registry = new PrometheusRegistry();
    ValidatorMetrics metrics = new ValidatorMetrics(registry, Endpoints.VALIDATED);
    resolver =
        ModeResolver.builder(redis)
            .keyPrefix(keyPrefix)
            .surface(SURFACE)
            .refreshInterval(Duration.ofMillis(100))
            .timeout(Duration.ofMillis(300))
            .metrics(metrics)
            .build();
    try {
      api =
          new ReferenceApi(
                  new InetSocketAddress("127.0.0.1", 0), jdbi, resolver, metrics, registry, 16)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    base = URI.create("http://127.0.0.1:" + api.port());
  }

  /** Writes {@code mode} at {@code percent} and waits until the API's resolver serves it. */
  void setMode(ValidationMode mode, int percent) {
    ModeRecord written =
        store
            .write(SURFACE, new ModeChange(mode, percent, "test", "test"), ModeWriteRule.overAny())
            .stored()
            .orElseThrow();
    Await.until(
        Duration.ofSeconds(5),
        "resolver serves version " + written.version(),
        () -> resolver.current().version() == written.version());
  }

  HttpResponse<String> post(String consumer, String json) {
    return send(
        request("/companies", consumer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> patch(String consumer, long id, String json) {
    return send(
        request("/companies/" + id, consumer)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> get(String consumer, String pathAndQuery) {
    return send(request(pathAndQuery, consumer).GET());
  }

  /** The API's /metrics as Prometheus scrapes it. */
  ScrapedMetrics scrape() {
    return ScrapedMetrics.parse(get(null, "/metrics").body());
  }

  private HttpRequest.Builder request(String pathAndQuery, String consumer) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10));
    return consumer == null ? builder : builder.header("X-Api-Key", consumer);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    api.close();
    resolver.close();
    store.close();
    redis.shutdown();
    pool.close();
    if (ownDatabase != null) {
      ownDatabase.close();
    }
  }
}
