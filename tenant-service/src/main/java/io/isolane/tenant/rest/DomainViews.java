package io.isolane.tenant.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolane.tenant.DomainVerification;
import io.isolane.tenant.SendingDomain;
import io.isolane.tenant.config.AwsConfig;
import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.service.DnsRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns a stored domain into what the API shows. */
@ApplicationScoped
public class DomainViews {
  private final ObjectMapper json;
  private final String region;
  private final String dmarcLocalPart;

  public DomainViews(ObjectMapper json, AwsConfig aws, TenantServiceConfig config) {
    this.json = json;
    this.region = aws.region();
    this.dmarcLocalPart = config.dns().dmarcReportLocalPart();
  }

  DomainResponse of(SendingDomain d) {
    List<String> tokens = d.tokens();
    return new DomainResponse(
        d.name,
        d.stream,
        d.status,
        d.mailFromDomain,
        d.sesDkimStatus,
        tokens.isEmpty()
            ? List.of()
            : DnsRecords.forDomain(
                d.name, tokens, d.mailFromDomain, region, dmarcLocalPart + "@" + d.name),
        verification(d.verification),
        d.createdAt);
  }

  private DomainVerification verification(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, DomainVerification.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored verification", e);
    }
  }
}
