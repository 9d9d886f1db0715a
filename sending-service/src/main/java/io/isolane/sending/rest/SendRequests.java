package io.isolane.sending.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolane.contracts.ContractJson;
import io.isolane.contracts.EventTypes;
import io.isolane.contracts.SchemaValidator;
import io.isolane.contracts.events.SendRequest;
import io.isolane.contracts.events.TenantState;
import io.isolane.sending.config.ApiConfig;
import io.isolane.sending.service.TenantDirectory;
import io.isolane.servicekit.rest.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns posted messages into {@code SendRequest}s of the caller's tenant, each with a new message
 * id, or fails with every field error of the whole request (a batch is all or nothing).
 */
@ApplicationScoped
public class SendRequests {
  private final TenantDirectory directory;
  private final ApiConfig config;

  public SendRequests(TenantDirectory directory, ApiConfig config) {
    this.directory = directory;
    this.config = config;
  }

  List<SendRequest> build(String tenantId, RequestReader.Parsed parsed, String idempotencyKey) {
    TenantState tenant =
        directory
            .state(tenantId)
            .orElseThrow(() -> new IllegalStateException("no state for tenant " + tenantId));
    MessageRules rules = new MessageRules(config, tenant, Instant.now());
    Violations violations = new Violations();
    List<SendRequest> out = new ArrayList<>();
    for (int i = 0; i < parsed.messages().size(); i++) {
      String prefix = parsed.batch() ? "messages[" + i + "]." : "";
      String id = UUID.randomUUID().toString();
      out.add(rules.check(parsed.messages().get(i), prefix, violations, id, idempotencyKey));
    }
    violations.throwIfAny();
    for (int i = 0; i < out.size(); i++) {
      contract(out.get(i), parsed.batch() ? "messages[" + i + "]" : "body", violations);
    }
    violations.throwIfAny();
    return out;
  }

  /** The contract's own schema, as a last check: what breaks it must never reach the topic. */
  private static void contract(SendRequest request, String field, Violations violations) {
    JsonNode json = ContractJson.mapper().valueToTree(request);
    for (String violation : SchemaValidator.violations(EventTypes.SEND_REQUEST, json)) {
      violations.invalid(field, violation);
    }
  }
}
