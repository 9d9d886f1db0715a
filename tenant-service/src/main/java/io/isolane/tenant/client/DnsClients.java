package io.isolane.tenant.client;

import io.isolane.tenant.config.TenantServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** The DNS resolver domain verification queries: the configured one, else the system's first. */
@ApplicationScoped
public class DnsClients {

  @Produces
  @ApplicationScoped
  DnsResolver dnsResolver(TenantServiceConfig config) {
    TenantServiceConfig.Dns dns = config.dns();
    if (dns.resolverHost().isPresent()) {
      return new DnsResolver(dns.resolverHost().get(), dns.resolverPort(), dns.timeout());
    }
    List<InetSocketAddress> system = ResolverConfig.getCurrentConfig().servers();
    InetSocketAddress first =
        system.isEmpty() ? new InetSocketAddress("127.0.0.1", 53) : system.get(0);
    return new DnsResolver(first.getHostString(), first.getPort(), dns.timeout());
  }
}
