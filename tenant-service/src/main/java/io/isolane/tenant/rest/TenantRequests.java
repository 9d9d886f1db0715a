package io.isolane.tenant.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.contracts.events.IsolationTier;
import io.isolane.tenant.service.InvalidField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Bodies of the tenant lifecycle calls. */
public final class TenantRequests {
  private static final int MAX_REASON = 500;

  private TenantRequests() {}

  /**
   * Body of {@code PATCH /v1/tenants/{id}}: fields left out stay as they are.
   *
   * @param name display name
   * @param tier isolation tier (upgrades only)
   * @param limits sending limits
   */
  public record Update(
      @Size(min = 1, max = 200) String name,
      IsolationTier tier,
      @Valid CreateTenantRequest.Limits limits) {}

  /**
   * The optional body {@code {"reason": "..."}} of suspend, resume, pause and resume calls, read by
   * hand so that a call without any body or Content-Type is accepted.
   *
   * @param raw the request body, possibly empty
   * @param fallback the reason when none is given
   */
  static String reason(String raw, String fallback, ObjectMapper json) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    JsonNode reason;
    try {
      reason = json.readTree(raw).path("reason");
    } catch (JsonProcessingException e) {
      throw new InvalidField("body", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (reason.isMissingNode() || reason.isNull() || reason.asText().isBlank()) {
      return fallback;
    }
    if (!reason.isTextual() || reason.asText().length() > MAX_REASON) {
      throw new InvalidField("reason", "must be a string of at most " + MAX_REASON + " characters");
    }
    return reason.asText();
  }
}
