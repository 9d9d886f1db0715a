package io.isolane.warmup.client;

import io.isolane.testkit.SesSimulatorResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.DedicatedIp;

/**
 * The tests' view of the SES simulator through the real AWS SDK (only this package may use it):
 * pools, the IPs in them, and what SES holds of an IP's warm-up.
 */
public final class SimulatorSes implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI endpoint = SesSimulatorResource.simulator().endpoint();
  private final SesV2AsyncClient ses =
      SesV2AsyncClient.builder()
          .endpointOverride(endpoint)
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .build();

  /**
   * An IP as SES's GetDedicatedIp reports it.
   *
   * @param pool its pool
   * @param status IN_PROGRESS or DONE
   * @param percentage its warm-up percentage
   */
  public record IpWarmup(String pool, String status, int percentage) {}

  /** Creates a dedicated IP pool (CreateDedicatedIpPool). */
  public void createPool(String name) {
    ses.createDedicatedIpPool(r -> r.poolName(name)).join();
  }

  /** Gives the account the IP in {@code pool}, or moves it there (the simulator's admin API). */
  public void putIp(String ip, String pool) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(endpoint.resolve("/_simulator/dedicated-ips/" + ip))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"PoolName\":\"" + pool + "\"}"))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("simulator refused the IP: " + response.body());
    }
  }

  /** The IP as GetDedicatedIp reports it. */
  public IpWarmup ip(String ip) {
    DedicatedIp found = ses.getDedicatedIp(r -> r.ip(ip)).join().dedicatedIp();
    return new IpWarmup(found.poolName(), found.warmupStatusAsString(), found.warmupPercentage());
  }

  @Override
  public void close() {
    ses.close();
  }
}
