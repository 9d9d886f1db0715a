package io.isolane.sending.service;

import io.isolane.contracts.events.SendRequest;
import io.isolane.sending.Claim;
import io.isolane.sending.repository.SuppressionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which recipients of a tick's claims their tenant has suppressed: one query per tick. */
@ApplicationScoped
public class Suppressions {
  private final SuppressionRepository repository;

  public Suppressions(SuppressionRepository repository) {
    this.repository = repository;
  }

  /** The suppressed recipients among the claims, as {@link #key}s. */
  Uni<Set<String>> among(List<Claim> claims) {
    List<String> tenants = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    for (Claim c : claims) {
      for (String address : recipients(c.request())) {
        tenants.add(c.request().tenantId());
        addresses.add(address.toLowerCase(Locale.ROOT));
      }
    }
    return repository.suppressedAmong(tenants, addresses);
  }

  static String key(String tenantId, String address) {
    return tenantId + "/" + address.toLowerCase(Locale.ROOT);
  }

  static List<String> recipients(SendRequest r) {
    List<String> all = new ArrayList<>(r.to());
    all.addAll(r.cc());
    all.addAll(r.bcc());
    return all;
  }
}
