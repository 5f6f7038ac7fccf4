package dev.greenlight.referenceapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.localservices.TestServices;
import dev.greenlight.validator.CanaryBucket;
import dev.greenlight.validator.Stage;
import dev.greenlight.validator.ValidationMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three endpoints in off, warn and enforce, on a real PostgreSQL and Redis. */
class ReferenceApiModesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ApiRig rig;

  @BeforeAll
  static void start() {
    rig = ApiRig.onScratchDatabase("gl_refapi_modes", TestServices.redis().url());
  }

  @AfterAll
  static void stop() {
    rig.close();
  }

  @Test
  void offStoresEveryValueAsSent() {
    rig.setMode(ValidationMode.OFF, 0);
    JsonNode alias = created(rig.post("off-1", "{\"name\":\"Acme\",\"stage\":\"Series A\"}"));
    JsonNode unknown = created(rig.post("off-1", "{\"name\":\"Blue\",\"stage\":\"unicorn\"}"));

    assertEquals("Series A", alias.get("stage").asText());
    assertEquals("Series A", storedStage(alias.get("id").asLong()));
    assertEquals("unicorn", storedStage(unknown.get("id").asLong()));
    assertPatchStores("off-1", unknown.get("id").asLong(), "angel", "angel");
    HttpResponse<String> listed =
        assertListingFinds("off-1", "Series%20A", alias.get("id").asLong());
    assertEquals("passed_untouched", listed.headers().firstValue("X-Stage-Outcome").orElse(""));
  }

  @Test
  void warnStoresCanonicalSpellingsAndUnknownValuesAsSent() {
    rig.setMode(ValidationMode.WARN, 0);
    double unknownBefore =
        rig.scrape().sum("stage_warn_unknown_total", "endpoint", "create-company");
    JsonNode alias = created(rig.post("warn-1", "{\"name\":\"Nova\",\"stage\":\"SERIES_B\"}"));
    JsonNode unknown = created(rig.post("warn-1", "{\"name\":\"Orbit\",\"stage\":\"bridge\"}"));

    assertEquals("series-b", storedStage(alias.get("id").asLong()));
    assertEquals("bridge", storedStage(unknown.get("id").asLong()));
    assertPatchStores("warn-1", unknown.get("id").asLong(), "growth", "series-c+");
    // The filter is normalized like a written value: an alias finds the canonical rows.
    assertListingFinds("warn-1", "Series%20B", alias.get("id").asLong());
    assertEquals(
        unknownBefore + 1,
        rig.scrape().sum("stage_warn_unknown_total", "endpoint", "create-company"));
  }

  @Test
  void enforceRejectsUnknownValuesWith422ListingTheAllowedOnesAndStoresNothing()
      throws IOException {
    rig.setMode(ValidationMode.ENFORCE, 100);
    double rejectedBefore = http422(rig.scrape());
    HttpResponse<String> create = rig.post("enf-1", "{\"name\":\"Lumen\",\"stage\":\"unicorn\"}");

    assertEquals(422, create.statusCode());
    JsonNode body = JSON.readTree(create.body());
    assertEquals("invalid-stage", body.get("error").asText());
    assertEquals("unicorn", body.get("value").asText());
    List<String> allowed = new ArrayList<>();
    body.get("allowed").forEach(node -> allowed.add(node.asText()));
    assertEquals(Stage.wireNames(), allowed);
    assertEquals(0, rows("name = 'Lumen'"));

    JsonNode known = created(rig.post("enf-1", "{\"name\":\"Kestrel\",\"stage\":\"Seed Round\"}"));
    long id = known.get("id").asLong();
    assertEquals("seed", storedStage(id));
    assertEquals(422, rig.patch("enf-1", id, "{\"stage\":\"mezzanine\"}").statusCode());
    assertEquals("seed", storedStage(id), "a rejected update changes nothing");
    assertEquals(422, rig.get("enf-1", "/companies?stage=mezzanine").statusCode());
    assertEquals(rejectedBefore + 1, http422(rig.scrape()));
    assertEquals(
        1.0, rig.scrape().sum("stage_enforce_rejections_total", "endpoint", "update-company"));
  }

  @Test
  void withoutAnApiKeyTheClientAddressIsTheConsumer() {
    int bucket = CanaryBucket.of("127.0.0.1");
    rig.setMode(ValidationMode.ENFORCE, bucket + 1);
    assertEquals(422, rig.post(null, "{\"name\":\"Tundra\",\"stage\":\"stealth\"}").statusCode());
    rig.setMode(ValidationMode.ENFORCE, bucket);
    assertEquals(201, rig.post(null, "{\"name\":\"Tundra\",\"stage\":\"stealth\"}").statusCode());
  }

  @Test
  void malformedRequestsAreAnsweredWithTheRuleTheyBreak() {
    rig.setMode(ValidationMode.WARN, 0);
    assertStatus(400, rig.post("bad", "{not json"), "body must be a JSON object");
    assertStatus(400, rig.post("bad", "{\"stage\":\"seed\"}"), "name must be a non-blank string");
    assertStatus(400, rig.post("bad", "{\"name\":\"x\",\"stage\":7}"), "but was 7");
    assertStatus(404, rig.patch("bad", 987_654_321, "{\"stage\":\"seed\"}"), "987654321");
    assertStatus(400, rig.get("bad", "/companies"), "stage is required");
    assertStatus(400, rig.get("bad", "/companies?stage=seed&limit=0"), "but was 0");
    assertStatus(404, rig.get("bad", "/companies/1/board"), "no endpoint");
    assertEquals(
        3.0,
        rig.scrape()
            .sum(
                "http_requests_total",
                "endpoint",
                "create-company",
                "method",
                "POST",
                "status",
                "400"),
        "three malformed creates counted");
  }

  private static double http422(ScrapedMetrics metrics) {
    return metrics.sum("http_requests_total", "endpoint", "create-company", "status", "422");
  }

  /**
   * {@code consumer} patches company {@code id} to {@code sent}; the row then holds {@code stored}.
   */
  private static void assertPatchStores(String consumer, long id, String sent, String stored) {
    HttpResponse<String> patched = rig.patch(consumer, id, "{\"stage\":\"" + sent + "\"}");
    assertEquals(200, patched.statusCode(), patched.body());
    assertEquals(stored, storedStage(id));
  }

  /**
   * {@code consumer} lists the companies at {@code stage} (URL-encoded) and finds company {@code
   * id}; returns the answer for its headers.
   */
  private static HttpResponse<String> assertListingFinds(String consumer, String stage, long id) {
    HttpResponse<String> listed = rig.get(consumer, "/companies?stage=" + stage);
    assertEquals(200, listed.statusCode());
    assertTrue(ids(listed).contains(id), listed.body());
    return listed;
  }

  private static void assertStatus(int status, HttpResponse<String> response, String fragment) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(fragment), response.body());
  }

  private static JsonNode created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Long> ids(HttpResponse<String> response) {
    try {
      List<Long> ids = new ArrayList<>();
      JSON.readTree(response.body()).get("companies").forEach(c -> ids.add(c.get("id").asLong()));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String storedStage(long id) {
    return rig.jdbi.withHandle(
        h ->
            h.createQuery("SELECT stage FROM portfolio_companies WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
  }

  private static long rows(String where) {
    return rig.jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM portfolio_companies WHERE " + where)
                .mapTo(Long.class)
                .one());
  }
}
