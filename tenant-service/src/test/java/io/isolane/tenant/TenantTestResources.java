package io.isolane.tenant;

import io.isolane.testkit.DnsTestServer;
import io.isolane.testkit.IsolaneTestResource;
import io.isolane.testkit.SesSimulatorResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything tenant-service talks to in tests: Kafka and PostgreSQL, the SES simulator, and a DNS
 * server on loopback whose zone the tests control. One set for every test class, so the application
 * boots once per JVM.
 */
public class TenantTestResources implements QuarkusTestResourceLifecycleManager {
  private static DnsTestServer dns;
  private final IsolaneTestResource infra = new IsolaneTestResource();
  private final SesSimulatorResource ses = new SesSimulatorResource();

  /** The DNS server the service resolves through. */
  public static synchronized DnsTestServer dns() {
    if (dns == null) {
      dns = DnsTestServer.start();
      // SPF includes are resolved: publish what amazonses.com publishes
      dns.add("amazonses.com", "TXT", "v=spf1 ip4:199.255.192.0/22 ip4:199.127.232.0/22 ~all");
      Runtime.getRuntime().addShutdownHook(new Thread(dns::close, "dns-test-server-stop"));
    }
    return dns;
  }

  @Override
  public Map<String, String> start() {
    infra.init(Map.of("database", "tenant"));
    Map<String, String> config = new HashMap<>(infra.start());
    config.putAll(ses.start());
    config.put("isolane.tenant.dns.resolver-host", "127.0.0.1");
    config.put("isolane.tenant.dns.resolver-port", Integer.toString(dns().port()));
    return config;
  }

  @Override
  public void stop() {
    infra.stop();
    ses.stop();
  }
}
