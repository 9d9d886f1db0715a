package io.isolane.tenant;

/**
 * A record the customer must publish, exactly as a DNS admin pastes it.
 *
 * @param type CNAME, MX or TXT
 * @param name owner name, lower-case A-labels, without the trailing dot
 * @param value record data, e.g. {@code 10 feedback-smtp.us-east-1.amazonses.com}; TXT unquoted
 */
public record DnsRecord(String type, String name, String value) {}
