package dev.greenlight.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.dataplane.backup.BackupFormatPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerConfigTest {
  /** The message a worker configured with only {@code variable=value} is refused with. */
  private static String refused(String variable, String value) {
    return assertThrows(
            IllegalArgumentException.class, () -> WorkerConfig.fromEnv(Map.of(variable, value)))
        .getMessage();
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    WorkerConfig c = WorkerConfig.fromEnv(Map.of());
    assertEquals("localhost:7233", c.temporal().address());
    assertEquals("default", c.temporal().namespace());
    assertEquals("greenlight:", c.redisPrefix());
    assertEquals(9464, c.metricsPort());
    assertEquals(
        BackupFormatPolicy.PG_DUMP, c.backupFormat(), "a real worker takes pg_dump backups");
    assertNull(c.dbUrl());
    assertTrue(c.stickyExecution());
  }

  @Test
  void aBuilderChangesOnlyWhatItIsToldAndChecksTheResult() {
    WorkerConfig base =
        WorkerConfig.fromEnv(
            Map.of("GREENLIGHT_BACKUP_DIR", "/backups", "GREENLIGHT_REDIS_PREFIX", "team-a:"));
    WorkerConfig changed =
        base.toBuilder().dbUrl("jdbc:postgresql://db/x").redisUrl("redis://r:1").build();

    assertEquals("jdbc:postgresql://db/x", changed.dbUrl());
    assertEquals("redis://r:1", changed.redisUrl());
    assertEquals(base.backupDir(), changed.backupDir());
    assertEquals("team-a:", changed.redisPrefix());
    assertSame(base.temporal(), changed.temporal());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> base.toBuilder().metricsPort(70000).build());
    assertTrue(e.getMessage().contains("70000"), e.getMessage());
  }

  @Test
  void stickyExecutionTurnsOffOnFalse() {
    assertEquals(
        false,
        WorkerConfig.fromEnv(Map.of("GREENLIGHT_STICKY_EXECUTION", "false")).stickyExecution());
  }

  /** A bad value is refused naming the variable, the rule and the value given. */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          GREENLIGHT_STICKY_EXECUTION | no   | GREENLIGHT_STICKY_EXECUTION must be true or false but was 'no'
          GREENLIGHT_METRICS_PORT     | http | GREENLIGHT_METRICS_PORT must be a port number but was 'http'
          GREENLIGHT_BACKUP_FORMAT    | zip  | GREENLIGHT_BACKUP_FORMAT must be one of pg_dump, copy, auto but was 'zip'
          """)
  void badValueIsRefusedNamingVariableRuleAndValue(String variable, String value, String message) {
    assertEquals(message, refused(variable, value));
  }

  @Test
  void backupFormatIsReadFromTheEnvironment() {
    assertEquals(
        BackupFormatPolicy.COPY,
        WorkerConfig.fromEnv(Map.of("GREENLIGHT_BACKUP_FORMAT", "copy")).backupFormat());
    assertEquals(
        BackupFormatPolicy.AUTO,
        WorkerConfig.fromEnv(Map.of("GREENLIGHT_BACKUP_FORMAT", " auto ")).backupFormat());
  }

  @Test
  void blankValuesCountAsUnset() {
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("TEMPORAL_ADDRESS", " ", "REDIS_URL", ""));
    assertEquals("localhost:7233", c.temporal().address());
    assertNull(c.redisUrl());
  }

  @Test
  void temporalSettingsComeFromTheSdksVariables() {
    WorkerConfig c =
        WorkerConfig.fromEnv(
            Map.of(
                "TEMPORAL_ADDRESS", "temporal.example:7233",
                "TEMPORAL_NAMESPACE", "greenlight-prod",
                "TEMPORAL_API_KEY", "k"));
    assertEquals("temporal.example:7233", c.temporal().address());
    assertEquals("greenlight-prod", c.temporal().namespace());
    assertTrue(c.temporal().sendsApiKey());
    assertTrue(c.temporal().usesTls());
  }

  @Test
  void redisPrefixIsReadUnderTheNameTheWebhookAndTheApiRead() {
    assertEquals(
        "team-a:",
        WorkerConfig.fromEnv(Map.of("GREENLIGHT_REDIS_PREFIX", "team-a:")).redisPrefix());
    assertEquals(
        "team-a:",
        WorkerConfig.fromEnv(Map.of("GREENLIGHT_KEY_PREFIX", "team-a:")).redisPrefix(),
        "the deprecated name still counts");
  }

  @Test
  void workerRefusesToStartWithoutServicesAndNamesThem() {
    var e =
        assertThrows(
            IllegalStateException.class,
            () -> WorkerConfig.fromEnv(Map.of("REDIS_URL", "redis://x:1")).requireServices());
    assertTrue(e.getMessage().contains("GREENLIGHT_DB_URL"), e.getMessage());
    assertTrue(e.getMessage().contains("PROMETHEUS_URL"), e.getMessage());
    assertTrue(!e.getMessage().contains("REDIS_URL "), e.getMessage());
  }

  @Test
  void workerRefusesToStartWithoutABackupDirectoryRatherThanUseTmp() {
    Map<String, String> services =
        Map.of(
            "GREENLIGHT_DB_URL", "jdbc:postgresql://db/app",
            "REDIS_URL", "redis://x:1",
            "PROMETHEUS_URL", "http://p:9090");
    WorkerConfig unset = WorkerConfig.fromEnv(services);

    assertNull(unset.backupDir(), "no default under java.io.tmpdir");
    var e = assertThrows(IllegalStateException.class, unset::requireServices);
    assertTrue(
        e.getMessage().contains("not set: GREENLIGHT_BACKUP_DIR ("),
        "named alone: " + e.getMessage());

    var withDir = new java.util.HashMap<>(services);
    withDir.put("GREENLIGHT_BACKUP_DIR", "/var/lib/greenlight/backups");
    WorkerConfig set = WorkerConfig.fromEnv(withDir);
    set.requireServices();
    assertEquals(java.nio.file.Path.of("/var/lib/greenlight/backups"), set.backupDir());
  }
}
