package dev.greenlight.starter.commands;

import dev.greenlight.starter.ConnectionOptions;
import dev.greenlight.validator.ModeKeyPrefix;
import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ModeStore;
import dev.greenlight.validator.ModeSurfaceSetting;
import dev.greenlight.validator.internal.ModeKeys;
import io.lettuce.core.RedisClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which mode record the {@code mode} commands read and write: the surface and the Redis key prefix,
 * defaulting from the same environment variables as the worker and the webhook, so all three see
 * one record.
 */
public final class ModeSurface {
  @Option(
      names = "--surface",
      defaultValue = "${env:" + ModeSurfaceSetting.ENV + ":-" + ModeSurfaceSetting.DEFAULT + "}",
      description =
          "The surface, as the plan names it (env "
              + ModeSurfaceSetting.ENV
              + ", default ${DEFAULT-VALUE}).")
  String surface;

  @Option(
      names = "--redis-prefix",
      defaultValue = "${env:" + ModeKeyPrefix.ENV + ":-" + ModeKeyPrefix.DEFAULT + "}",
      description = "Redis key prefix (env " + ModeKeyPrefix.ENV + ", default ${DEFAULT-VALUE}).")
  String prefix;

  /**
   * The record's Redis key.
   *
   * @throws CommandLine.ParameterException (exit 2) for a surface no record can have
   */
  String key(CommandLine cli) {
    return BadInput.parse(cli, "--surface", () -> new ModeKeys(prefix).modeKey(surface));
  }

  /** The store on the Redis that {@code --redis} / {@code REDIS_URL} names; close it after use. */
  Store open(CommandLine cli, ConnectionOptions connection) {
    String url = connection.redisUrl;
    if (url == null || url.isBlank()) {
      throw new CommandLine.ParameterException(
          cli, "no Redis: set REDIS_URL or pass --redis redis://host:port");
    }
    RedisClient client =
        BadInput.parse(
            cli, "--redis (REDIS_URL) is not a Redis URL", () -> RedisClient.create(url));
    return new Store(client, new ModeStore(client, prefix));
  }

  /** A mode store and the client it runs on, closed together. */
  record Store(RedisClient client, ModeStore modes) implements AutoCloseable {
    @Override
    public void close() {
      modes.close();
      client.shutdown();
    }
  }

  /** A record as JSON fields: mode, percent, version, changedBy, reason, changedAt. */
  static Map<String, Object> json(ModeRecord r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mode", r.mode().wireName());
    json.put("percent", r.enforcePercent());
    json.put("version", r.version());
    json.put("changedBy", r.changedBy());
    json.put("reason", r.reason());
    json.put("changedAt", r.changedAt().toString());
    return json;
  }

  /** "enforce 10%, version 7, by alice at 2026-…Z: why". */
  static String describe(ModeRecord r) {
    return r.mode().wireName()
        + " "
        + r.enforcePercent()
        + "%, version "
        + r.version()
        + ", by "
        + r.changedBy()
        + " at "
        + r.changedAt()
        + ": "
        + r.reason();
  }
}
