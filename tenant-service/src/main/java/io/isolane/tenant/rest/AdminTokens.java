package io.isolane.tenant.rest;

import io.isolane.tenant.config.TenantServiceConfig;
import io.isolane.tenant.service.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The configured admin token digests. Only digests are configured, compared in constant time. */
@ApplicationScoped
public class AdminTokens {
  private final List<byte[]> digests;

  public AdminTokens(TenantServiceConfig config) {
    this.digests =
        config.adminTokenSha256().orElse(List.of()).stream()
            .map(hex -> HexFormat.of().parseHex(hex.trim().toLowerCase()))
            .toList();
  }

  /** The admin's name ({@code admin:<digest prefix>}) if the token is known. */
  public Optional<String> admin(String token) {
    byte[] presented = Digests.sha256(token);
    boolean known = false;
    for (byte[] digest : digests) {
      known |= MessageDigest.isEqual(digest, presented);
    }
    return known
        ? Optional.of("admin:" + HexFormat.of().formatHex(presented, 0, 4))
        : Optional.empty();
  }
}
