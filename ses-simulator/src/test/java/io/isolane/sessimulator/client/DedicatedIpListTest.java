package io.isolane.sessimulator.client;

import static io.isolane.sessimulator.client.Simulators.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolane.sessimulator.SesSimulator;
import io.isolane.sessimulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.DedicatedIp;
import software.amazon.awssdk.services.sesv2.model.GetDedicatedIpsResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.WarmupStatus;

/** GetDedicatedIps: a pool's IPs (or the account's), paged, through the real SDK. */
class DedicatedIpListTest {
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() throws Exception {
    simulator = SesSimulator.start(SimulatorConfig.defaults());
    ses = Simulators.client(simulator);
    call(() -> ses.createDedicatedIpPool(r -> r.poolName("listed")));
    call(() -> ses.createDedicatedIpPool(r -> r.poolName("other")));
    for (String ip : new String[] {"198.51.100.3", "198.51.100.1", "198.51.100.2"}) {
      Simulators.adminPut(
          simulator, "/_simulator/dedicated-ips/" + ip, "{\"PoolName\":\"listed\"}");
    }
    Simulators.adminPut(
        simulator, "/_simulator/dedicated-ips/203.0.113.9", "{\"PoolName\":\"other\"}");
    call(() -> ses.putDedicatedIpWarmupAttributes(r -> r.ip("198.51.100.2").warmupPercentage(100)));
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void aPoolsIpsArePagedInAddressOrder() {
    GetDedicatedIpsResponse first =
        call(() -> ses.getDedicatedIps(r -> r.poolName("listed").pageSize(2)));

    assertThat(first.dedicatedIps())
        .extracting(DedicatedIp::ip)
        .containsExactly("198.51.100.1", "198.51.100.2");
    assertThat(first.nextToken()).isNotBlank();
    DedicatedIp done = first.dedicatedIps().get(1);
    assertThat(done.poolName()).isEqualTo("listed");
    assertThat(done.warmupStatus()).isEqualTo(WarmupStatus.DONE);
    assertThat(done.warmupPercentage()).isEqualTo(100);

    GetDedicatedIpsResponse second =
        call(
            () ->
                ses.getDedicatedIps(
                    r -> r.poolName("listed").pageSize(2).nextToken(first.nextToken())));
    assertThat(second.dedicatedIps()).extracting(DedicatedIp::ip).containsExactly("198.51.100.3");
    assertThat(second.dedicatedIps().get(0).warmupStatus()).isEqualTo(WarmupStatus.IN_PROGRESS);
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void withoutAPoolEveryIpOfTheAccountIsListed() {
    GetDedicatedIpsResponse all = call(() -> ses.getDedicatedIps(r -> {}));

    assertThat(all.dedicatedIps())
        .extracting(DedicatedIp::ip)
        .containsExactly("198.51.100.1", "198.51.100.2", "198.51.100.3", "203.0.113.9");
    assertThat(all.nextToken()).isNull();
  }

  @Test
  void anIpAddedToAPoolIsListedInIt() throws Exception {
    call(() -> ses.createDedicatedIpPool(r -> r.poolName("growing")));
    assertThat(call(() -> ses.getDedicatedIps(r -> r.poolName("growing"))).dedicatedIps())
        .isEmpty();

    Simulators.adminPut(
        simulator, "/_simulator/dedicated-ips/192.0.2.44", "{\"PoolName\":\"growing\"}");

    assertThat(call(() -> ses.getDedicatedIps(r -> r.poolName("growing"))).dedicatedIps())
        .extracting(DedicatedIp::ip, DedicatedIp::poolName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.44", "growing"));
  }

  @Test
  void anUnknownPoolIsNotFound() {
    assertThatThrownBy(() -> call(() -> ses.getDedicatedIps(r -> r.poolName("nope"))))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFoundException");
              assertThat(e.awsErrorDetails().errorMessage()).contains("nope");
            });
  }
}
