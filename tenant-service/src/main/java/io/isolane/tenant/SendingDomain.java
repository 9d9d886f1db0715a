package io.isolane.tenant;

import io.isolane.contracts.events.Stream;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A domain a tenant sends from: its SES identity, DKIM tokens and DNS verification. */
@Entity
@Table(name = "sending_domain")
public class SendingDomain {
  /** A-label, lower case. */
  @Id public String name;

  @Column(name = "tenant_id", nullable = false)
  public String tenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Stream stream;

  @Column(name = "mail_from_domain", nullable = false)
  public String mailFromDomain;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DomainStatus status;

  /** Easy DKIM tokens, space separated, once SES has created the identity. */
  @Column(name = "dkim_tokens")
  public String dkimTokens;

  /** SES's DKIM status (PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED). */
  @Column(name = "ses_dkim_status")
  public String sesDkimStatus;

  /** The last DNS verification, as JSON. */
  public String verification;

  @Column(name = "checked_at")
  public Instant checkedAt;

  @Column(name = "removal_requested", nullable = false)
  public boolean removalRequested;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The DKIM tokens, empty until SES created the identity. */
  public List<String> tokens() {
    return dkimTokens == null || dkimTokens.isBlank()
        ? List.of()
        : Arrays.asList(dkimTokens.split(" "));
  }
}
