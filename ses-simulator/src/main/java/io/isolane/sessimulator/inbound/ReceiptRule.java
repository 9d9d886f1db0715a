package io.isolane.sessimulator.inbound;

/**
 * An SES receipt rule with an SNS action, for one recipient domain.
 *
 * @param domain recipient domain the rule matches
 * @param topicArn SNS topic the notification goes to
 * @param base64 whether the content is base64 (SES's {@code Base64} encoding) or UTF-8
 */
public record ReceiptRule(String domain, String topicArn, boolean base64) {}
