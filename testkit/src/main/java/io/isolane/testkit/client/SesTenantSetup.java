package io.isolane.testkit.client;

import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;

/**
 * A tenant in the SES simulator as tenant-service leaves it, made through the real SDK: the SES
 * tenant, its configuration sets and verified domain, each associated with the tenant.
 */
public final class SesTenantSetup {
  private SesTenantSetup() {}

  public static void provision(String sesTenant, String domain, List<String> configurationSets) {
    SesV2AsyncClient ses = SimulatorClients.sesV2();
    ses.createTenant(r -> r.tenantName(sesTenant)).join();
    String account =
        ses.getTenant(r -> r.tenantName(sesTenant)).join().tenant().tenantArn().split(":")[4];
    String arn = "arn:aws:ses:us-east-1:" + account + ":";
    for (String set : configurationSets) {
      ses.createConfigurationSet(r -> r.configurationSetName(set)).join();
      associate(ses, sesTenant, arn + "configuration-set/" + set);
    }
    ses.createEmailIdentity(r -> r.emailIdentity(domain)).join();
    associate(ses, sesTenant, arn + "identity/" + domain);
  }

  private static void associate(SesV2AsyncClient ses, String sesTenant, String arn) {
    ses.createTenantResourceAssociation(r -> r.tenantName(sesTenant).resourceArn(arn)).join();
  }
}
