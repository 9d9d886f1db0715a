package io.isolane.feedback.client;

import io.isolane.contracts.events.SuppressionReason;
import io.isolane.feedback.config.AwsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SuppressionListReason;

/** An SES tenant's own suppression list (PutSuppressedDestination / Delete with TenantName). */
@ApplicationScoped
public class SesSuppressionClient {
  private final SesV2AsyncClient ses;

  public SesSuppressionClient(AwsConfig aws) {
    var builder =
        SesV2AsyncClient.builder()
            .region(Region.of(aws.region()))
            .credentialsProvider(credentials(aws))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .overrideConfiguration(c -> c.apiCallTimeout(aws.callTimeout()));
    aws.endpointOverride().ifPresent(builder::endpointOverride);
    this.ses = builder.build();
  }

  /** SES refused the call for a reason a retry will not change (its code and message). */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Puts the address on the SES tenant's list (SES knows only bounce and complaint reasons). */
  public Uni<Void> put(String sesTenant, String address, SuppressionReason reason) {
    return Uni.createFrom()
        .completionStage(
            () ->
                ses.putSuppressedDestination(
                    r -> r.tenantName(sesTenant).emailAddress(address).reason(sesReason(reason))))
        .onFailure()
        .transform(SesSuppressionClient::refusal)
        .replaceWithVoid();
  }

  /** Takes the address off the SES tenant's list; one that is not there is fine. */
  public Uni<Void> delete(String sesTenant, String address) {
    return Uni.createFrom()
        .completionStage(
            () ->
                ses.deleteSuppressedDestination(r -> r.tenantName(sesTenant).emailAddress(address)))
        .replaceWithVoid()
        .onFailure(e -> unwrap(e) instanceof NotFoundException)
        .recoverWithNull()
        .onFailure()
        .transform(SesSuppressionClient::refusal);
  }

  @PreDestroy
  void close() {
    ses.close();
  }

  // bounce-like reasons stop mail the way a bounce would; the rest are the recipient's wish
  private static SuppressionListReason sesReason(SuppressionReason reason) {
    return switch (reason) {
      case HARD_BOUNCE, SOFT_BOUNCE, SPAM_TRAP -> SuppressionListReason.BOUNCE;
      case COMPLAINT, UNSUBSCRIBE, MANUAL -> SuppressionListReason.COMPLAINT;
    };
  }

  private static Throwable refusal(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof AwsServiceException aws
        && aws.statusCode() >= 400
        && aws.statusCode() < 500
        && aws.statusCode() != 429) {
      String code = aws.awsErrorDetails() == null ? "Unknown" : aws.awsErrorDetails().errorCode();
      return new Refused("SES refused: " + code + ": " + aws.getMessage());
    }
    return cause; // throttling, 5xx, network: worth retrying
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static AwsCredentialsProvider credentials(AwsConfig aws) {
    if (aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(aws.accessKeyId().get(), aws.secretAccessKey().get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
