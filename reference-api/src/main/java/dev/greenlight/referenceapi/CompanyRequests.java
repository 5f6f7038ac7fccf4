package dev.greenlight.referenceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.validator.StageValidator;
import dev.greenlight.validator.ValidationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The three endpoints' logic, free of HTTP plumbing: read the fields, validate {@code stage} at the
 * boundary, then store or query what the validator says to.
 *
 * <p>The validator decides before any database work, so a rejected value costs no query. Thread-
 * safe.
 */
final class CompanyRequests {
  static final int DEFAULT_LIST_LIMIT = 100;
  static final int MAX_LIST_LIMIT = 1_000;

  private final Companies companies;
  private final StageValidator validator;

  CompanyRequests(Companies companies, StageValidator validator) {
    this.companies = Objects.requireNonNull(companies);
    this.validator = Objects.requireNonNull(validator);
  }

  /** {@code POST /companies} with {@code {"name": …, "stage": …}}. */
  Reply create(String consumer, byte[] body) {
    ObjectNode json = Json.parseObject(body);
    if (json == null) {
      return Reply.error(400, "malformed-body", "body must be a JSON object");
    }
    JsonNode name = json.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      return Reply.error(400, "invalid-name", "name must be a non-blank string but was " + name);
    }
    JsonNode stage = json.get("stage");
    if (!isStringOrNull(stage)) {
      return Reply.error(
          400, "invalid-stage-type", "stage must be a string or null but was " + stage);
    }
    ValidationResult result = validator.validate(Endpoints.CREATE, consumer, text(stage));
    if (result.isRejected()) {
      return rejected(result);
    }
    Company created = companies.create(name.asText(), result.stage());
    return new Reply(201, Json.company(created), result.outcome().label());
  }

  /** {@code PATCH /companies/{id}} with {@code {"stage": …}}. */
  Reply update(String consumer, long id, byte[] body) {
    ObjectNode json = Json.parseObject(body);
    if (json == null) {
      return Reply.error(400, "malformed-body", "body must be a JSON object");
    }
    JsonNode stage = json.get("stage");
    if (!json.has("stage") || !isStringOrNull(stage)) {
      return Reply.error(
          400, "invalid-stage-type", "stage must be present, a string or null, but was " + stage);
    }
    ValidationResult result = validator.validate(Endpoints.UPDATE, consumer, text(stage));
    if (result.isRejected()) {
      return rejected(result);
    }
    Optional<Company> updated = companies.updateStage(id, result.stage());
    if (updated.isEmpty()) {
      return Reply.error(404, "no-such-company", "no company has id " + id);
    }
    return new Reply(200, Json.company(updated.get()), result.outcome().label());
  }

  /**
   * {@code GET /companies?stage=…&limit=…}. The filter is validated like a written value: in warn
   * an alias finds the rows stored under its canonical spelling, in enforce an unknown filter is
   * refused instead of silently matching nothing.
   */
  Reply list(String consumer, String stage, String limitParam) {
    if (stage == null) {
      return Reply.error(400, "missing-stage", "query parameter stage is required");
    }
    int limit;
    try {
      limit = limitParam == null ? DEFAULT_LIST_LIMIT : Integer.parseInt(limitParam);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      return Reply.error(
          400,
          "invalid-limit",
          "limit must be between 1 and " + MAX_LIST_LIMIT + " but was " + limitParam);
    }
    ValidationResult result = validator.validate(Endpoints.LIST, consumer, stage);
    if (result.isRejected()) {
      return rejected(result);
    }
    return new Reply(
        200,
        Json.companies(companies.listByStage(result.stage(), limit)),
        result.outcome().label());
  }

  private static Reply rejected(ValidationResult result) {
    return new Reply(422, result.errorBody(), result.outcome().label());
  }

  private static boolean isStringOrNull(JsonNode node) {
    return node == null || node.isNull() || node.isTextual();
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
