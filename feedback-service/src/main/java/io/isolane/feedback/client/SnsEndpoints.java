package io.isolane.feedback.client;

import io.isolane.feedback.config.SnsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which URLs in an SNS message may be fetched at all: SNS's own HTTPS hosts, or a prefix configured
 * for the simulator. Checked before any request, so a forged message can never make us call an
 * arbitrary host (SSRF).
 */
@ApplicationScoped
public class SnsEndpoints {
  private static final Pattern SNS_HOST =
      Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

  private final List<String> extra;

  public SnsEndpoints(SnsConfig config) {
    this.extra = config.extraTrustedSources().orElse(List.of());
  }

  /** A signing certificate URL we may fetch: HTTPS on an SNS host, ending in .pem. */
  public boolean trustedCertificate(String url) {
    return url != null && (sns(url) && path(url).endsWith(".pem") || configured(url));
  }

  /** A SubscribeURL we may call: HTTPS on an SNS host, confirming a subscription. */
  public boolean trustedSubscribeUrl(String url) {
    return url != null
        && (sns(url) && url.contains("Action=ConfirmSubscription") || configured(url));
  }

  private boolean configured(String url) {
    return extra.stream().anyMatch(url::startsWith);
  }

  private static boolean sns(String url) {
    try {
      URI uri = URI.create(url);
      return "https".equals(uri.getScheme())
          && uri.getHost() != null
          && SNS_HOST.matcher(uri.getHost()).matches()
          && uri.getPort() == -1
          && uri.getUserInfo() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String path(String url) {
    String path = URI.create(url).getPath();
    return path == null ? "" : path;
  }
}
