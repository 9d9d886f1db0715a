package io.isolane.replies;

import io.isolane.contracts.events.ReplyCategory;

/**
 * What a reply means, and how sure the classifier is.
 *
 * @param category the category
 * @param confidence 0..1
 * @param subject the decoded subject (null when absent)
 */
public record Classification(ReplyCategory category, double confidence, String subject) {}
