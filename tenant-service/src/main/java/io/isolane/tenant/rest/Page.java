package io.isolane.tenant.rest;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: pass {@code next} as {@code after} to get the following page.
 *
 * @param items this page's items
 * @param next cursor of the next page, null on the last one
 */
public record Page<T>(List<T> items, String next) {
  /** Largest page a client may ask for. */
  public static final int MAX = 200;

  /** Builds a page from {@code limit + 1} fetched rows: the extra row only says more exist. */
  static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, String> key) {
    boolean more = rows.size() > limit;
    List<R> shown = more ? rows.subList(0, limit) : rows;
    return new Page<>(
        shown.stream().map(view).toList(), more ? key.apply(shown.get(limit - 1)) : null);
  }
}
