package io.isolane.contracts;

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

  private static final int MAX_LENGTH = 256;

  private SesTags() {}

  /** {@code value} in SES's tag character set: anything else becomes {@code _}, cut at 256. */
  public static String value(String value) {
    // per code point, as SES counts characters: an emoji becomes one _, not two
    StringBuilder cleaned = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
    for (int i = 0; i < value.length() && cleaned.length() < MAX_LENGTH; ) {
      int c = value.codePointAt(i);
      cleaned.append(allowed(c) ? (char) c : '_');
      i += Character.charCount(c);
    }
    return cleaned.toString();
  }

  private static boolean allowed(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  /** Whether {@code tagValue} is what {@link #value} makes of {@code original}. */
  public static boolean carries(String tagValue, String original) {
    return tagValue != null && original != null && tagValue.equals(value(original));
  }
}
