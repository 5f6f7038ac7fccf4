package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.seed.PortfolioSeeder;
import dev.greenlight.dataplane.seed.SeedReport;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.StageNormalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data commands pointed at a database that is not theirs: {@code migrate --dry-run} as a role
 * with nothing but SELECT and no DDL, {@code seed} refusing rows it did not write, the apply guard
 * citing the project's own docs, and {@code migrate --apply}'s progress over a real pipe. Real
 * PostgreSQL, a fresh database per test.
 */
class SafeDataCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private String url;
  private Jdbi admin;

  @BeforeEach
  void freshDatabase() {
    url = TestServices.postgres().createDatabase("gl_cli_safe");
    admin = Jdbi.create(url);
  }

  @AfterEach
  void dropDatabase() {
    TestServices.postgres().dropDatabase(DatabaseAddress.fromJdbcUrl(url).database());
  }

  @Test
  void dryRunWorksForASelectOnlyRoleAndPerformsNoDdl() throws Exception {
    SeedReport seeded =
        new PortfolioSeeder(admin, StageNormalizer.defaults()).seed(2_000, 11); // no schema
    String role = "gl_ro_" + UUID.randomUUID().toString().substring(0, 8);
    String database = DatabaseAddress.fromJdbcUrl(url).database();
    admin.useHandle(
        h -> {
          h.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'read-only'");
          h.execute("GRANT CONNECT ON DATABASE " + database + " TO " + role);
          h.execute("GRANT USAGE ON SCHEMA public TO " + role);
          h.execute("GRANT SELECT ON portfolio_companies TO " + role);
        });
    try {
      String readOnly =
          DatabaseAddress.fromJdbcUrl(url).withCredentials(role, "read-only").toJdbcUrl();
      boolean mayCreate =
          Jdbi.create(readOnly)
              .withHandle(
                  h ->
                      h.createQuery("SELECT has_schema_privilege('public', 'CREATE')")
                          .mapTo(Boolean.class)
                          .one());
      assertFalse(mayCreate, "a role that may create proves nothing here");

      Cli text = Cli.run("migrate", "--dry-run", "--db", readOnly);
      assertEquals(0, text.exit(), text.toString());
      assertTrue(
          text.out()
              .startsWith(
                  "dry run: 2000 rows, %d already canonical, %d would change"
                      .formatted(seeded.rowsAlreadyCanonical(), seeded.rowsToChange())),
          text.out());

      Cli json = Cli.run("migrate", "--dry-run", "--json", "--db", readOnly);
      assertEquals(0, json.exit(), json.toString());
      JsonNode report = JSON.readTree(json.out());
      assertEquals(2_000, report.get("totalRows").asLong(), json.out());
      assertEquals(seeded.rowsUnmappable(), report.get("rowsUnmappable").asLong(), json.out());

      assertEquals(List.of("portfolio_companies"), tables(), "the dry run created nothing");
    } finally {
      admin.useHandle(
          h -> {
            h.execute("DROP OWNED BY " + role);
            h.execute("DROP ROLE " + role);
          });
    }
  }

  @Test
  void seedRefusesANonEmptyTableItDidNotFillUnlessForced() {
    admin.useHandle(
        h -> {
          h.execute(
              "CREATE TABLE portfolio_companies (id bigserial PRIMARY KEY, name text NOT NULL,"
                  + " stage text, created_at timestamptz NOT NULL DEFAULT now())");
          h.execute(
              "INSERT INTO portfolio_companies (name, stage) VALUES ('Real One', 'seed'),"
                  + " ('Real Two', 'series-a'), ('Real Three', NULL)");
        });

    Cli refused = Cli.run("seed", "--rows", "10", "--db", url);
    assertEquals(1, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("seed refused: portfolio_companies in"), refused.err());
    assertTrue(
        refused.err().contains("holds 3 rows that greenlight seed did not write"), refused.err());
    assertTrue(refused.err().contains("--force"), refused.err());
    assertFalse(refused.err().contains("password="), "no credentials in the message");
    assertEquals(3, rows(), "nothing written");
    assertEquals(List.of("portfolio_companies"), tables(), "not even Greenlight's own schema");

    Cli forced = Cli.run("seed", "--rows", "10", "--force", "--json", "--db", url);
    assertEquals(0, forced.exit(), forced.toString());
    assertTrue(forced.out().contains("\"forced\":true"), forced.out());
    assertEquals(13, rows());
    assertEquals(1, Cli.run("seed", "--rows", "10", "--db", url).exit(), "forcing marks nothing");
  }

  @Test
  void seedAddsToATableItCreatedOrFoundEmpty() {
    assertEquals(0, Cli.run("seed", "--rows", "100", "--db", url).exit());
    Cli again = Cli.run("seed", "--rows", "50", "--db", url);
    assertEquals(0, again.exit(), again.toString());
    assertEquals(150, rows());

    String other = TestServices.postgres().createDatabase("gl_cli_safe_empty");
    try {
      Jdbi.create(other)
          .useHandle(
              h ->
                  h.execute(
                      "CREATE TABLE portfolio_companies (id bigserial PRIMARY KEY, name text NOT"
                          + " NULL, stage text, created_at timestamptz NOT NULL DEFAULT now())"));
      assertEquals(0, Cli.run("seed", "--rows", "20", "--db", other).exit(), "empty: fine");
      assertEquals(0, Cli.run("seed", "--rows", "20", "--db", other).exit(), "marked when filled");
    } finally {
      TestServices.postgres().dropDatabase(DatabaseAddress.fromJdbcUrl(other).database());
    }
  }

  @Test
  void applyWithoutABackupCitesTheProjectsOwnDocs() {
    assertEquals(0, Cli.run("seed", "--rows", "100", "--db", url).exit());
    Cli refused = Cli.run("migrate", "--apply", "--run-id", "no-backup", "--db", url);
    assertEquals(1, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("docs/ARCHITECTURE.md"), refused.err());
    assertTrue(refused.err().contains("greenlight backup --run-id no-backup"), refused.err());
    assertFalse(refused.err().contains("DESIGN.md"), refused.err());
  }

  @Test
  void applyOverAPipePrintsPlainLinesWithoutRedraws() throws Exception {
    assertEquals(0, Cli.run("seed", "--rows", "3000", "--db", url).exit());
    prove("piped");

    String piped = runCli("migrate", "--apply", "--run-id", "piped", "--batch-size", "500");
    assertFalse(piped.contains("\r"), piped);
    assertFalse(piped.contains("\033"), piped);
    long progressLines = piped.lines().filter(l -> l.startsWith("[#")).count();
    assertTrue(progressLines >= 2 && progressLines <= 11, "a line per tenth done:\n" + piped);
    assertTrue(piped.lines().anyMatch(l -> l.startsWith("COMPLETED: 3000 rows scanned")), piped);

    prove("quiet");
    String quiet = runCli("migrate", "--apply", "--run-id", "quiet", "--no-progress");
    assertFalse(quiet.contains("rows/s  ETA"), quiet);
    assertTrue(quiet.lines().anyMatch(l -> l.startsWith("COMPLETED: 3000 rows scanned")), quiet);
  }

  /** Backup evidence for {@code runId} (copy format), verify and restore test, read as JSON. */
  private void prove(String runId) throws Exception {
    Path noTools = Files.createDirectories(dir.resolve("no-pg-tools"));
    Cli backup =
        Cli.run(
            "backup",
            "--json",
            "--db",
            url,
            "--run-id",
            runId,
            "--format",
            "copy",
            "--pg-bin",
            noTools.toString(),
            "--dir",
            dir.resolve("backups").toString());
    assertEquals(0, backup.exit(), backup.toString());
    JsonNode taken = JSON.readTree(backup.out());
    assertEquals("copy", taken.get("format").asText(), backup.out());
    String manifest = taken.get("manifest").asText();

    Cli verified = Cli.run("backup", "verify", manifest, "--json", "--db", url);
    assertEquals(0, verified.exit(), verified.toString());
    assertEquals(taken.get("sha256"), JSON.readTree(verified.out()).get("sha256"));

    Cli restored =
        Cli.run("restore-test", manifest, "--json", "--db", url, "--pg-bin", noTools.toString());
    assertEquals(0, restored.exit(), restored.toString());
    JsonNode tables = JSON.readTree(restored.out()).get("tables");
    assertEquals(rows(), tables.get(0).get("rows").asLong(), restored.out());
  }

  /** The CLI as a process of its own whose standard output is a pipe read here. */
  private String runCli(String... args) throws Exception {
    List<String> command =
        Stream.concat(
                Stream.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Greenlight.class.getName()),
                Stream.concat(Stream.of(args), Stream.of("--db", url)))
            .toList();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  private long rows() {
    return admin.withHandle(
        h -> h.createQuery("SELECT count(*) FROM portfolio_companies").mapTo(Long.class).one());
  }

  private List<String> tables() {
    return admin.withHandle(
        h ->
            h.createQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
                .mapTo(String.class)
                .list());
  }
}
