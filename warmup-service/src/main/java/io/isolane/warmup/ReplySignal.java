package io.isolane.warmup;

import io.isolane.contracts.events.ReplyCategory;
import java.util.Set;

/**
 * What a classified reply says about a sender. Only a person's reply counts: interested, not
 * interested, unsubscribe, referral and other replies are replies; of those, unsubscribe and not
 * interested are negative. Bounces, auto-replies and out-of-office replies are machines answering,
 * not a human signal, and count as nothing.
 */
public enum ReplySignal {
  NONE,
  REPLY,
  NEGATIVE;

  private static final Set<ReplyCategory> MACHINE =
      Set.of(ReplyCategory.BOUNCE, ReplyCategory.AUTO_REPLY, ReplyCategory.OUT_OF_OFFICE);
  private static final Set<ReplyCategory> NEGATIVE_CATEGORIES =
      Set.of(ReplyCategory.UNSUBSCRIBE, ReplyCategory.NOT_INTERESTED);

  /** The signal of a reply of this category (none for a missing category). */
  public static ReplySignal of(ReplyCategory category) {
    if (category == null || MACHINE.contains(category)) {
      return NONE;
    }
    return NEGATIVE_CATEGORIES.contains(category) ? NEGATIVE : REPLY;
  }

  /** 1 when it counts as a human reply. */
  public int replies() {
    return this == NONE ? 0 : 1;
  }

  /** 1 when it counts as a negative reply. */
  public int negativeReplies() {
    return this == NEGATIVE ? 1 : 0;
  }
}
