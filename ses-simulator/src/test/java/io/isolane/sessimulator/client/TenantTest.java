package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.SesSimulator;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.CreateTenantResponse;
import software.amazon.awssdk.services.sesv2.model.ListTenantsResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.ResourceType;
import software.amazon.awssdk.services.sesv2.model.SendingStatus;
import software.amazon.awssdk.services.sesv2.model.Tenant;
import software.amazon.awssdk.services.sesv2.model.TenantInfo;

class TenantTest {
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() {
    simulator = Simulators.start();
    ses = Simulators.client(simulator);
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void createdTenantIsEnabledAndReadable() {
    CreateTenantResponse created =
        call(
            () ->
                ses.createTenant(
                    r -> r.tenantName("acme").tags(t -> t.key("tier").value("isolated"))));

    assertThat(created.tenantName()).isEqualTo("acme");
    assertThat(created.tenantId()).isNotBlank();
    assertThat(created.tenantArn())
        .isEqualTo("arn:aws:ses:us-east-1:123456789012:tenant/acme/" + created.tenantId());
    assertThat(created.sendingStatus()).isEqualTo(SendingStatus.ENABLED);
    assertThat(created.createdTimestamp()).isNotNull();

    Tenant tenant = call(() -> ses.getTenant(r -> r.tenantName("acme"))).tenant();
    assertThat(tenant.tenantId()).isEqualTo(created.tenantId());
    assertThat(tenant.tags()).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("tier"));
  }

  @Test
  void tenantsAreListedInPages() {
    for (String name : List.of("page-a", "page-b", "page-c")) {
      call(() -> ses.createTenant(r -> r.tenantName(name)));
    }

    ListTenantsResponse first = call(() -> ses.listTenants(r -> r.pageSize(2)));
    assertThat(first.tenants()).hasSize(2);
    assertThat(first.nextToken()).isNotBlank();
    ListTenantsResponse rest =
        call(() -> ses.listTenants(r -> r.pageSize(100).nextToken(first.nextToken())));
    assertThat(
            java.util.stream.Stream.concat(first.tenants().stream(), rest.tenants().stream())
                .map(TenantInfo::tenantName))
        .contains("page-a", "page-b", "page-c")
        .doesNotHaveDuplicates();
  }

  @Test
  void resourcesAreAssociatedListedAndDissociated() {
    call(() -> ses.createTenant(r -> r.tenantName("owner")));
    call(() -> ses.createEmailIdentity(r -> r.emailIdentity("owner.example")));
    call(() -> ses.createConfigurationSet(r -> r.configurationSetName("owner-tx")));
    String identityArn = "arn:aws:ses:us-east-1:123456789012:identity/owner.example";
    String setArn = "arn:aws:ses:us-east-1:123456789012:configuration-set/owner-tx";

    call(
        () ->
            ses.createTenantResourceAssociation(
                r -> r.tenantName("owner").resourceArn(identityArn)));
    call(() -> ses.createTenantResourceAssociation(r -> r.tenantName("owner").resourceArn(setArn)));

    assertThat(call(() -> ses.listTenantResources(r -> r.tenantName("owner"))).tenantResources())
        .extracting(r -> r.resourceType(), r -> r.resourceArn())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ResourceType.CONFIGURATION_SET, setArn),
            org.assertj.core.groups.Tuple.tuple(ResourceType.EMAIL_IDENTITY, identityArn));
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.createTenantResourceAssociation(
                            r -> r.tenantName("owner").resourceArn(identityArn))))
        .isInstanceOf(AlreadyExistsException.class);

    call(() -> ses.deleteTenantResourceAssociation(r -> r.tenantName("owner").resourceArn(setArn)));
    assertThat(call(() -> ses.listTenantResources(r -> r.tenantName("owner"))).tenantResources())
        .hasSize(1);
  }

  @Test
  void associatingAMissingResourceOrTenantIsNotFound() {
    call(() -> ses.createTenant(r -> r.tenantName("lonely")));

    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.createTenantResourceAssociation(
                            r ->
                                r.tenantName("lonely")
                                    .resourceArn(
                                        "arn:aws:ses:us-east-1:123456789012:identity/nope.example"))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> call(() -> ses.getTenant(r -> r.tenantName("ghost"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void adminEndpointPausesATenantAsTheReputationPolicyWould() throws Exception {
    call(() -> ses.createTenant(r -> r.tenantName("risky")));

    HttpResponse<String> paused =
        Simulators.adminPut(
            simulator,
            "/_simulator/tenants/risky/sending-status",
            "{\"SendingStatus\":\"DISABLED\"}");

    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(call(() -> ses.getTenant(r -> r.tenantName("risky"))).tenant().sendingStatus())
        .isEqualTo(SendingStatus.DISABLED);
  }

  @Test
  void deletedTenantIsGone() {
    call(() -> ses.createTenant(r -> r.tenantName("short-lived")));
    call(() -> ses.deleteTenant(r -> r.tenantName("short-lived")));

    assertThatThrownBy(() -> call(() -> ses.getTenant(r -> r.tenantName("short-lived"))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> call(() -> ses.deleteTenant(r -> r.tenantName("short-lived"))))
        .isInstanceOf(NotFoundException.class);
  }
}
