package io.isolane.contracts;

import java.util.regex.Pattern;

/**
 * The SES message tags sending-service puts on every message, which come back in SES's events. SES
 * allows only ASCII letters, digits, {@code _} and {@code -} in a tag value (at most 256), so
 * values are sanitised: a mailbox such as {@code ana@mail.example.com} travels as {@code
 * ana_mail_example_com} and a reader must match it against the address it has, never use it as one.
 */
public final class SesTags {
  public static final String TENANT = "isolane-tenant";
  public static final String MAILBOX = "isolane-mailbox";
  public static final String MESSAGE = "isolane-message";
  public static final String CAMPAIGN = "isolane-campaign";

  private static final Pattern OUTSIDE_SES_CHARACTERS = Pattern.compile("[^A-Za-z0-9_-]");
  private static final int MAX_LENGTH = 256;

  private SesTags() {}

  /** {@code value} in SES's tag character set: anything else becomes {@code _}, cut at 256. */
  public static String value(String value) {
    String cleaned = OUTSIDE_SES_CHARACTERS.matcher(value).replaceAll("_");
    return cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) : cleaned;
  }

  /** Whether {@code tagValue} is what {@link #value} makes of {@code original}. */
  public static boolean carries(String tagValue, String original) {
    return tagValue != null && original != null && tagValue.equals(value(original));
  }
}
