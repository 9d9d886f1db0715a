package io.isolane.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How to reach SES ({@code isolane.aws.*}), for the tenant suppression mirror. */
@ConfigMapping(prefix = "isolane.aws")
public interface AwsConfig {
  /** Endpoint to call instead of AWS's (the SES simulator in dev and tests). */
  Optional<URI> endpointOverride();

  /** Region of the SES account. */
  @WithDefault("us-east-1")
  String region();

  /** Static access key id; unset means the SDK's default credentials chain. */
  Optional<String> accessKeyId();

  /** Static secret access key, used with {@link #accessKeyId()}. */
  Optional<String> secretAccessKey();

  /** Longest one SES call may take. */
  @WithDefault("10s")
  Duration callTimeout();
}
