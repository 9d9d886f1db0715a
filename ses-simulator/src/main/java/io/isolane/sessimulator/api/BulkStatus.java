package io.isolane.sessimulator.api;

import io.isolane.sessimulator.web.SesException;

/** Maps a per-entry failure to SES's BulkEmailStatus. */
final class BulkStatus {
  private BulkStatus() {}

  static String of(SesException e) {
    return switch (e.code()) {
      case "MessageRejected" -> "MESSAGE_REJECTED";
      case "MailFromDomainNotVerifiedException" -> "MAIL_FROM_DOMAIN_NOT_VERIFIED";
      case "TooManyRequestsException" -> "ACCOUNT_THROTTLED";
      case "LimitExceededException" -> "ACCOUNT_DAILY_QUOTA_EXCEEDED";
      case "SendingPausedException" ->
          e.getMessage().contains("configuration set")
              ? "CONFIGURATION_SET_SENDING_PAUSED"
              : "ACCOUNT_SENDING_PAUSED";
      case "NotFoundException" ->
          e.getMessage().startsWith("Template")
              ? "TEMPLATE_NOT_FOUND"
              : e.getMessage().startsWith("Configuration set")
                  ? "CONFIGURATION_SET_NOT_FOUND"
                  : "FAILED";
      case "BadRequestException" -> "INVALID_PARAMETER";
      default -> "FAILED";
    };
  }
}
