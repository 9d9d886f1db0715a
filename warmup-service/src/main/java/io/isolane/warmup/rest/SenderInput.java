package io.isolane.warmup.rest;

/**
 * A change to a sender: assign {@code plan}, import at {@code stage} (of the given or current plan,
 * as already warmed: no day-over-day limit), or count its days in {@code timeZone}.
 */
public record SenderInput(String plan, Integer stage, String timeZone) {}
