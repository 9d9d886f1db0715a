package io.isolane.replies;

import java.util.Locale;

/** Why a message bounced, in the vocabulary of the JSON output ({@code userunknown} ...). */
public enum BounceReason {
  USER_UNKNOWN,
  HOST_UNKNOWN,
  MAILBOX_DISABLED,
  MAILBOX_FULL,
  MESSAGE_TOO_BIG,
  BLOCKED,
  SPAM_DETECTED,
  POLICY_VIOLATION,
  EXPIRED,
  DELAYED,
  UNKNOWN;

  /** The output name: lower case without separators, e.g. {@code userunknown}. */
  public String code() {
    return name().replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** True when the recipient address itself is gone, so mailing it again can only hurt. */
  public boolean recipientGone() {
    return this == USER_UNKNOWN || this == HOST_UNKNOWN || this == MAILBOX_DISABLED;
  }
}
