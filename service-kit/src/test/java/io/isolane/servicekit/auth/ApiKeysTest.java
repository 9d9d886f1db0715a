package io.isolane.servicekit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolane.contracts.events.TenantState;
import io.isolane.contracts.events.TenantStatus;
import io.isolane.testkit.SampleEvents;
import io.isolane.testkit.TestApiKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private final String keyA = TestApiKeys.newKey();
  private final String keyB = TestApiKeys.newKey();

  @Test
  void aLiveKeyAuthenticatesAsItsOwnTenantWithItsScopes() {
    ApiKeys keys =
        ApiKeys.of(
            List.of(
                state("tenant-a", TenantStatus.ACTIVE, keyA, "read", "send"),
                state("tenant-b", TenantStatus.SUSPENDED, keyB, "read")));

    assertThat(keys.authenticate(keyA))
        .contains(
            new ApiKeys.ApiKey(
                TestApiKeys.keyId(keyA), "tenant-a", java.util.Set.of("read", "send")));
    assertThat(keys.authenticate(keyB).orElseThrow().tenantId()).isEqualTo("tenant-b");
    assertThat(keys.size()).isEqualTo(2);
  }

  @Test
  void unknownTamperedMalformedAndDeletedTenantsKeysAreRefused() {
    String tampered = keyA.substring(0, keyA.length() - 1) + (keyA.endsWith("A") ? "B" : "A");
    ApiKeys keys =
        ApiKeys.of(
            List.of(
                state("tenant-a", TenantStatus.ACTIVE, keyA, "read"),
                state("tenant-b", TenantStatus.DELETING, keyB, "read")));

    assertThat(keys.authenticate(tampered)).isEmpty();
    assertThat(keys.authenticate(TestApiKeys.newKey())).isEmpty();
    assertThat(keys.authenticate("isk_short")).isEmpty();
    assertThat(keys.authenticate("")).isEmpty();
    assertThat(keys.authenticate(keyB)).isEmpty();
    assertThat(ApiKeys.NONE.authenticate(keyA)).isEmpty();
  }

  private static TenantState state(
      String tenantId, TenantStatus status, String key, String... scopes) {
    return SampleEvents.tenantState(
            tenantId, status, 1, List.of(TestApiKeys.digest(key, List.of(scopes))))
        .data();
  }
}
