package io.isolane.sending.client;

import io.isolane.sending.OutgoingEmail;
import io.isolane.sending.SendResult;
import io.isolane.sending.config.AwsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * SES v2 SendEmail. No SDK retries: a throttled or failed call comes back to the scheduler, which
 * decides (re-queue, park, fail, in doubt) and never sends a message twice on its own.
 */
@ApplicationScoped
public class SesSender {
  private final SesV2AsyncClient ses;

  public SesSender(AwsConfig aws) {
    var builder =
        SesV2AsyncClient.builder()
            .region(Region.of(aws.region()))
            .credentialsProvider(credentials(aws))
            .httpClientBuilder(AwsCrtAsyncHttpClient.builder().maxConcurrency(aws.maxConcurrency()))
            .overrideConfiguration(
                c -> c.retryStrategy(r -> r.maxAttempts(1)).apiCallTimeout(aws.sendTimeout()));
    aws.endpointOverride().ifPresent(builder::endpointOverride);
    this.ses = builder.build();
  }

  /** Sends; the stage always completes normally with the outcome. */
  public CompletableFuture<SendResult> send(OutgoingEmail email) {
    return ses.sendEmail(request(email))
        .<SendResult>thenApply(r -> new SendResult.Sent(r.messageId()))
        .exceptionally(SesSender::outcome);
  }

  /** The account's maximum send rate (messages per second) as SES reports it. */
  public CompletableFuture<Double> maxSendRate() {
    return ses.getAccount(r -> {}).thenApply(a -> a.sendQuota().maxSendRate());
  }

  @PreDestroy
  void close() {
    ses.close();
  }

  private static SendResult outcome(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof AwsServiceException aws) {
      String code = aws.awsErrorDetails() == null ? "Unknown" : aws.awsErrorDetails().errorCode();
      String detail =
          aws.awsErrorDetails() == null ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
      if (aws.statusCode() == 429 || "TooManyRequestsException".equals(code)) {
        return new SendResult.Throttled(detail);
      }
      if ("SendingPausedException".equals(code) || "AccountSuspendedException".equals(code)) {
        return new SendResult.Paused(code + ": " + detail);
      }
      return aws.statusCode() >= 500
          ? new SendResult.Retryable(code, detail)
          : new SendResult.Rejected(code, detail);
    }
    if (cause instanceof ApiCallTimeoutException) {
      return new SendResult.Unknown("no answer from SES within the send timeout");
    }
    if (cause instanceof SdkException sdk) {
      return new SendResult.Unknown(sdk.getMessage());
    }
    return new SendResult.Unknown(String.valueOf(cause));
  }

  private static SendEmailRequest request(OutgoingEmail email) {
    return SendEmailRequest.builder()
        .tenantName(email.sesTenant())
        .configurationSetName(email.configurationSet())
        .fromEmailAddress(email.from())
        .destination(
            d -> d.toAddresses(email.to()).ccAddresses(email.cc()).bccAddresses(email.bcc()))
        .replyToAddresses(email.replyTo())
        .content(content(email))
        .emailTags(
            email.tags().entrySet().stream()
                .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build())
                .toList())
        .build();
  }

  private static EmailContent content(OutgoingEmail email) {
    if (email.templateName() != null) {
      return EmailContent.builder()
          .template(
              t ->
                  t.templateName(email.templateName())
                      .templateData(email.templateData())
                      .headers(headers(email)))
          .build();
    }
    return EmailContent.builder()
        .simple(
            m ->
                m.subject(c -> c.data(email.subject()).charset("UTF-8"))
                    .body(
                        b -> {
                          if (email.text() != null) {
                            b.text(c -> c.data(email.text()).charset("UTF-8"));
                          }
                          if (email.html() != null) {
                            b.html(c -> c.data(email.html()).charset("UTF-8"));
                          }
                        })
                    .headers(headers(email)))
        .build();
  }

  private static List<MessageHeader> headers(OutgoingEmail email) {
    return email.headers().entrySet().stream()
        .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build())
        .toList();
  }

  private static AwsCredentialsProvider credentials(AwsConfig aws) {
    if (aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(aws.accessKeyId().get(), aws.secretAccessKey().get()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
