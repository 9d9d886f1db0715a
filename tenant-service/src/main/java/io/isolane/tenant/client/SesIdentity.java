package io.isolane.tenant.client;

import java.util.List;

/**
 * What SES says of a domain identity.
 *
 * @param dkimTokens the three Easy DKIM tokens
 * @param dkimStatus SES's DKIM status (PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE, NOT_STARTED)
 */
public record SesIdentity(List<String> dkimTokens, String dkimStatus) {
  public boolean dkimVerified() {
    return "SUCCESS".equals(dkimStatus);
  }
}
