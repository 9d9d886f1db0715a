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
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sesv2.model.DedicatedIp;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.WarmupStatus;

class AccountAndDedicatedIpTest {
  static SesSimulator simulator;
  static SesV2AsyncClient ses;

  @BeforeAll
  static void start() {
    simulator = SesSimulator.start(SimulatorConfig.defaults().withQuota(25, 1000));
    ses = Simulators.client(simulator);
  }

  @AfterAll
  static void stop() {
    ses.close();
    simulator.close();
  }

  @Test
  void accountReportsItsQuotaAndSendingStatus() {
    GetAccountResponse account = call(() -> ses.getAccount(r -> {}));

    assertThat(account.sendQuota().maxSendRate()).isEqualTo(25.0);
    assertThat(account.sendQuota().max24HourSend()).isEqualTo(1000.0);
    assertThat(account.sendQuota().sentLast24Hours()).isEqualTo(0.0);
    assertThat(account.sendingEnabled()).isTrue();
    assertThat(account.productionAccessEnabled()).isTrue();
  }

  @Test
  void poolsAreCreatedListedAndDeleted() {
    call(() -> ses.createDedicatedIpPool(r -> r.poolName("pool-a")));

    assertThat(call(() -> ses.listDedicatedIpPools(r -> {})).dedicatedIpPools()).contains("pool-a");
    assertThatThrownBy(() -> call(() -> ses.createDedicatedIpPool(r -> r.poolName("pool-a"))))
        .isInstanceOf(AlreadyExistsException.class);
    call(() -> ses.deleteDedicatedIpPool(r -> r.poolName("pool-a")));
    assertThat(call(() -> ses.listDedicatedIpPools(r -> {})).dedicatedIpPools())
        .doesNotContain("pool-a");
    assertThatThrownBy(() -> call(() -> ses.deleteDedicatedIpPool(r -> r.poolName("pool-a"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void warmupAttributesOfADedicatedIpAreSetAndRead() throws Exception {
    call(() -> ses.createDedicatedIpPool(r -> r.poolName("warm")));
    Simulators.adminPut(
        simulator, "/_simulator/dedicated-ips/198.51.100.7", "{\"PoolName\":\"warm\"}");

    call(() -> ses.putDedicatedIpWarmupAttributes(r -> r.ip("198.51.100.7").warmupPercentage(40)));

    DedicatedIp ip = call(() -> ses.getDedicatedIp(r -> r.ip("198.51.100.7"))).dedicatedIp();
    assertThat(ip.warmupPercentage()).isEqualTo(40);
    assertThat(ip.warmupStatus()).isEqualTo(WarmupStatus.IN_PROGRESS);
    assertThat(ip.poolName()).isEqualTo("warm");
    assertThatThrownBy(
            () ->
                call(
                    () ->
                        ses.putDedicatedIpWarmupAttributes(
                            r -> r.ip("203.0.113.1").warmupPercentage(10))))
        .isInstanceOf(NotFoundException.class);
  }
}
